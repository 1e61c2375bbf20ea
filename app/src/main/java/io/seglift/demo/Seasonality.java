package io.seglift.demo;

import java.time.LocalDate;

/**
 * Monthly multipliers of the purchase rate: a quiet late winter, a steady middle of the year and a November/December
 * peak. They average 1 over a year, so the latent rate stays the average rate.
 */
final class Seasonality {
    private static final double[] RAW = {0.85, 0.78, 0.90, 0.95, 1.00, 0.95, 0.90, 0.92, 0.98, 1.05, 1.35, 1.55};
    static final double[] BY_MONTH = normalise(RAW);
    static final double MAX = max(BY_MONTH);

    private Seasonality() {
    }

    static double multiplier(LocalDate date) {
        return BY_MONTH[date.getMonthValue() - 1];
    }

    /** The integral of the multiplier over the days {@code [from, from + days)}, in days. */
    static double integral(LocalDate from, int days) {
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += multiplier(from.plusDays(i));
        }
        return sum;
    }

    private static double[] normalise(double[] raw) {
        double sum = 0;
        for (double v : raw) sum += v;
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = raw[i] * raw.length / sum;
        return out;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
