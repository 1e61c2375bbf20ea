package io.seglift.demo;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One customer's simulated rows before order ids are given: every random draw is made, so simulating customers on
 * several threads and emitting them in index order writes exactly the rows a single thread writes. Orders are kept in
 * purchase order; {@code future} marks those after the as-of date.
 */
record SimulatedCustomer(DemoCustomer customer, List<UnnumberedOrder> orders, List<EmailEvent> events,
                         Suppression suppression, TruthCustomer truth) {

    /** An order whose id is given when it is emitted; its fields are those of {@link DemoOrder}. */
    record UnnumberedOrder(String customerId, LocalDateTime orderedAt, double total, String category, String status,
                           boolean future) {
        DemoOrder numbered(String orderId) {
            return new DemoOrder(orderId, customerId, orderedAt, total, category, status);
        }
    }

    /** A suppression-list entry. */
    record Suppression(String reason, LocalDateTime suppressedAt) {
    }
}
