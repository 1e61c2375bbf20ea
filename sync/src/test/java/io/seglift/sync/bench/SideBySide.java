package io.seglift.sync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times a Seglift step and its baseline alternately in one process (Seglift, baseline, Seglift, ...), so both see the
 * same machine load, and reports medians of the runs. Each step returns a row count, printed so the two can be checked
 * to do comparable work.
 */
public final class SideBySide {
    /** A measure's medians: seconds of the Seglift step, of the baseline, and their ratio. */
    public record Result(String measure, double segliftSeconds, double baselineSeconds, long segliftRows, long baselineRows) {
        public double ratio() {
            return segliftSeconds / baselineSeconds;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-34s seglift %7.2f s (%,d rows)  baseline %7.2f s (%,d rows)  ratio %.2f",
                    measure, segliftSeconds, segliftRows, baselineSeconds, baselineRows, ratio());
        }
    }

    private SideBySide() {
    }

    /** Runs each step {@code runs} times, alternating, after {@code before} resets state before every Seglift run. */
    public static Result measure(String measure, int runs, Runnable before, LongSupplier seglift, LongSupplier baseline) {
        List<Double> s = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        long sRows = 0;
        long bRows = 0;
        for (int i = 0; i < runs; i++) {
            before.run();
            long t = System.nanoTime();
            sRows = seglift.getAsLong();
            s.add((System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            bRows = baseline.getAsLong();
            b.add((System.nanoTime() - t) / 1e9);
            System.out.printf(java.util.Locale.ROOT, "  %s run %d: seglift %.2f s, baseline %.2f s%n", measure, i + 1,
                    s.get(i), b.get(i));
        }
        return new Result(measure, median(s), median(b), sRows, bRows);
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The 1-minute load average now, as the machine reports it. */
    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
