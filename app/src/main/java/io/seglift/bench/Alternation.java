package io.seglift.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a Seglift step and its baseline alternately ({@code S B B S S B ...}, so neither always goes first), times
 * each with the given nanosecond clock, and keeps the medians.
 */
public final class Alternation {
    private final int repeats;
    private final LongSupplier nanos;

    public Alternation(int repeats, LongSupplier nanos) {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1 (was " + repeats + ")");
        }
        this.repeats = repeats;
        this.nanos = nanos;
    }

    /** A timed step with untimed preparation (e.g. clearing what the previous run wrote). */
    public interface Step {
        default void prepare() throws Exception {
        }

        void run() throws Exception;
    }

    /** Median seconds of each: {@code [seglift, baseline]}. */
    public double[] run(Step seglift, Step baseline) throws Exception {
        List<Double> s = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            boolean segliftFirst = i % 2 == 0;
            if (segliftFirst) {
                s.add(time(seglift));
                b.add(time(baseline));
            } else {
                b.add(time(baseline));
                s.add(time(seglift));
            }
        }
        return new double[] {Medians.of(s), Medians.of(b)};
    }

    private double time(Step step) throws Exception {
        step.prepare();
        long t = nanos.getAsLong();
        step.run();
        return (nanos.getAsLong() - t) / 1e9;
    }
}
