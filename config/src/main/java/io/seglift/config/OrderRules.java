package io.seglift.config;

import java.util.Optional;

/**
 * {@code sources.orders.rules}: how real exports' mess is treated. Documented in docs/scoring.md.
 *
 * @param countBy           what one purchase is: an order id, a line, or a customer-day
 * @param cancelledWhen     SQL boolean over the orders table marking cancellations/refunds (e.g.
 *                          {@code "InvoiceNo" LIKE 'C%'}); absent means none are marked
 * @param cancellations     drop cancelled rows, or net them against revenue (they still never count as purchases)
 * @param dropNonPositive   drop rows with value, quantity or price at or below zero that are not cancellations
 */
public record OrderRules(CountBy countBy, Optional<String> cancelledWhen, Cancellations cancellations,
                         boolean dropNonPositive) {

    /** What counts as one purchase. */
    public enum CountBy { ORDER, LINE, DAY }

    /** What to do with cancelled rows. */
    public enum Cancellations { EXCLUDE, NET }

    public static OrderRules defaults() {
        return new OrderRules(CountBy.ORDER, Optional.empty(), Cancellations.EXCLUDE, true);
    }
}
