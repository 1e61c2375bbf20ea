package io.seglift.bench;

import io.seglift.config.DestinationConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destinations;
import io.seglift.sync.EngineOptions;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.PlanBaseline;

/**
 * {@code plan}: {@code seglift plan} of a mirror sync whose destination already holds the segment's eligible members
 * with 1% churn (0.5% left, 0.5% joined), against {@link io.seglift.sync.plan.PlanBaseline#emailDiff}, the hand diff with the same consent and email
 * checks. Nothing is sent.
 */
final class PlanMeasure implements Measure {
    private final Destinations destinations;

    PlanMeasure(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String target() {
        return "<= 1.2";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        ctx.segmentBuilt();
        new SyncStateWithChurn(ctx).fill();
        Plan[] plan = new Plan[1];
        long[] handOperations = new long[1];
        double[] t = alt.run(() -> plan[0] = plan(ctx, destinations),
                () -> handOperations[0] = PlanBaseline.emailDiff(ctx.warehouse(), BenchContext.SEGMENT, ctx.asOf(),
                        ctx.project().sources().customers(), BenchContext.SYNC));
        ctx.note(String.format(java.util.Locale.ROOT, "plan: %d members, %d adds, %d removes; hand diff: %d operations",
                plan[0].members(), plan[0].adds(), plan[0].removes(), handOperations[0]));
        return new Measurement(name(), t[0], t[1], plan[0].members(), target());
    }

    /** The plan of the bench's sync, as {@code seglift plan} computes it. */
    static Plan plan(BenchContext ctx, Destinations destinations) {
        DestinationConfig dc = ctx.project().destination(ctx.sync().destination()).orElseThrow();
        Capabilities caps = destinations.find(dc.type()).orElseThrow().capabilities(dc.settings());
        SyncEngine engine = new SyncEngine(EngineOptions.defaults().withClock(ctx.clock()), ProfileView::sql);
        return engine.plan(ctx.project(), ctx.sync(), ctx.warehouse(), caps);
    }
}
