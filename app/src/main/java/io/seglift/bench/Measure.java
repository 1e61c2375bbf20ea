package io.seglift.bench;

/** One row of the bench: a Seglift step and its hand-written baseline, alternated. */
public interface Measure {
    /** The name used by {@code --only} and in the output. */
    String name();

    /** The target for the ratio, as text. */
    String target();

    Measurement run(BenchContext ctx, Alternation alternation) throws Exception;
}
