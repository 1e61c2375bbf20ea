package io.seglift.config;

import java.util.Optional;

/**
 * The {@code sources:} block: where customers, optional orders and optional engagement events and suppressions live.
 * Orders are optional because a label-column model on a table of attributes needs none; everything that does need
 * them reads {@link #orders()}, which refuses with {@link MissingSourceException} when they are absent.
 *
 * @param orders the orders source, or {@code null} when the project file has no {@code sources.orders}
 */
public record SourcesConfig(CustomersSource customers, OrdersSource orders, Optional<EventsSource> events,
                            Optional<SuppressionsSource> suppressions) {

    /** The orders source; throws {@link MissingSourceException} when the project file has none. */
    @Override
    public OrdersSource orders() {
        if (orders == null) {
            throw new MissingSourceException("sources.orders");
        }
        return orders;
    }

    /** The orders source when the project file has one. */
    public Optional<OrdersSource> ordersIfPresent() {
        return Optional.ofNullable(orders);
    }
}
