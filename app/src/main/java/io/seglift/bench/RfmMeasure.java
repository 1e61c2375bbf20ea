package io.seglift.bench;

import io.seglift.scoring.rfm.RfmBaseline;
import io.seglift.scoring.rfm.RfmScorer;

/** {@code rfm}: {@link RfmScorer} against {@link RfmBaseline}'s one hand-written query. */
final class RfmMeasure implements Measure {
    @Override
    public String name() {
        return "rfm";
    }

    @Override
    public String target() {
        return "<= 1.1";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        RfmScorer scorer = ctx.rfmScorer();
        long[] customers = new long[1];
        double[] t = alt.run(() -> customers[0] = scorer.score(ctx.asOf()).customers(),
                () -> RfmBaseline.score(ctx.warehouse(), ctx.project().sources().orders(), ctx.asOf(),
                        ctx.project().scoring().rfm().bins()));
        return new Measurement(name(), t[0], t[1], customers[0], target());
    }
}
