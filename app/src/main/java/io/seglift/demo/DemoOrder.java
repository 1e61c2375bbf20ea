package io.seglift.demo;

import java.time.LocalDateTime;

/** One order, in {@code raw.orders} (history) or {@code demo_truth.future_orders} (after the as-of date). */
public record DemoOrder(String orderId, String customerId, LocalDateTime orderedAt, double total, String category,
                        String status) {
}
