package io.seglift.demo;

import io.seglift.scoring.rfm.RfmResult;
import io.seglift.scoring.rfm.RfmScorer;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Scores RFM in the warehouse as of the demo's as-of date. */
public final class RfmStage implements DemoStage {

    @Override
    public String name() {
        return "rfm";
    }

    @Override
    public StageResult run(DemoContext context) {
        var project = context.project();
        RfmResult r = new RfmScorer(context.warehouse(), project.sources().orders(), project.scoring().rfm(),
                context.clock()).score(context.asOf());
        String top = r.segments().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return StageResult.done(String.format(Locale.ROOT, "%,d customers scored in %.1fs (largest: %s)",
                r.customers(), r.elapsed().toMillis() / 1000.0, top));
    }
}
