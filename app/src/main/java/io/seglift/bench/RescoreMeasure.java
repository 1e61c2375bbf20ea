package io.seglift.bench;

import io.seglift.config.SegliftTables;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.spi.warehouse.TableName;

/**
 * {@code rescore}: scoring an as-of date that model_scores already holds (the run clears it first) against the same
 * run on an emptied model_scores, both on the JVM path (what {@code --path auto} picks on DuckDB).
 */
final class RescoreMeasure implements Measure {
    static final String PATH = "auto";

    @Override
    public String name() {
        return "rescore";
    }

    @Override
    public String target() {
        return "<= 1.05";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        StoredModel stored = ctx.model();
        long customers = ctx.models().score(stored, ctx.modelConfig(), ctx.asOf(), PATH).customers();
        String table = ctx.warehouse().dialect().table(TableName.of(ctx.project().warehouse().schema(),
                SegliftTables.MODEL_SCORES));
        Alternation.Step again = () -> ctx.models().score(stored, ctx.modelConfig(), ctx.asOf(), PATH);
        Alternation.Step onEmpty = new Alternation.Step() {
            @Override
            public void prepare() {
                ctx.warehouse().execute("DELETE FROM " + table);
            }

            @Override
            public void run() {
                ctx.models().score(stored, ctx.modelConfig(), ctx.asOf(), PATH);
            }
        };
        double[] t = alt.run(again, onEmpty);
        return new Measurement(name(), t[0], t[1], customers, target());
    }
}
