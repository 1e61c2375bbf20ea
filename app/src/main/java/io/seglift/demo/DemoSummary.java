package io.seglift.demo;

import java.time.Duration;
import java.time.LocalDate;

/** What {@link DemoGenerator} wrote. */
public record DemoSummary(long customers, long orders, long futureOrders, long emailEvents, long suppressions,
                          long orphanOrders, LocalDate historyStart, LocalDate asOf, long seed, Duration took) {
}
