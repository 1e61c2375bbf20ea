package io.seglift.bench;

import java.util.List;

/** One row of the bench: a Seglift step and its hand-written baseline, alternated. */
public interface Measure {
    /** The name used by {@code --only} and in the output. */
    String name();

    /** The target for the ratio, as text. */
    String target();

    Measurement run(BenchContext ctx, Alternation alternation) throws Exception;

    /** Every row this measure reports: its own, and for some a part of it timed apart (e.g. the feature query). */
    default List<Measurement> rows(BenchContext ctx, Alternation alternation) throws Exception {
        return List.of(run(ctx, alternation));
    }
}
