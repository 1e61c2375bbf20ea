package io.seglift.demo;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param customers    number of customers (orders follow at about ten per customer)
 * @param seed         random seed; the same seed and sizes give the same data, byte for byte
 * @param asOf         the demo's "today": the last day of history, after which only the ground truth knows
 * @param months       months of order history ending at {@code asOf}
 * @param futureDays   days after {@code asOf} simulated into {@code demo_truth.future_orders}
 * @param emailWeeks   weeks of weekly email campaigns before {@code asOf} recorded as engagement events
 * @param trueEffectPp the campaign's true effect: added purchase probability (0.05 = +5 points) within the window
 * @param windowDays   the campaign effect's window in days after a member's first exposure
 */
public record DemoSpec(int customers, long seed, LocalDate asOf, int months, int futureDays, int emailWeeks,
                       double trueEffectPp, int windowDays) {

    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);
    public static final int DEFAULT_CUSTOMERS = 100_000;
    public static final long DEFAULT_SEED = 42;

    public DemoSpec {
        if (customers < 1 || customers > 10_000_000) {
            throw new IllegalArgumentException("customers must be between 1 and 10,000,000, got " + customers);
        }
        if (months < 1 || futureDays < 0 || emailWeeks < 0 || windowDays < 1) {
            throw new IllegalArgumentException("months and window must be positive, future days and weeks >= 0");
        }
        if (trueEffectPp < 0 || trueEffectPp >= 1) {
            throw new IllegalArgumentException("true effect must be in [0, 1), got " + trueEffectPp);
        }
    }

    /** The defaults with the given size and seed: 24 months to 2026-06-30, 180 future days, +5 points in 30 days. */
    public static DemoSpec of(int customers, long seed) {
        return new DemoSpec(customers, seed, DEFAULT_AS_OF, 24, 180, 26, 0.05, 30);
    }

    /** The first day of the order history. */
    public LocalDate historyStart() {
        return asOf.minusMonths(months).plusDays(1);
    }
}
