package io.seglift.config;

import java.util.Optional;

/**
 * The {@code sources:} block: where customers, orders and optional engagement events and suppressions live.
 */
public record SourcesConfig(CustomersSource customers, OrdersSource orders, Optional<EventsSource> events,
                            Optional<SuppressionsSource> suppressions) {
}
