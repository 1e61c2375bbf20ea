package io.seglift.demo;

import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.spi.destination.Destinations;

import java.util.Locale;

/** Runs the data-readiness audit on the demo data as of the generator's as-of date. */
public final class AuditStage implements DemoStage {
    private final Destinations destinations;

    public AuditStage(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public StageResult run(DemoContext context) {
        AuditResult r = new Auditor(context.warehouse(), context.project(), destinations, context.clock())
                .run(context.asOf());
        return StageResult.done(String.format(Locale.ROOT, "%,d customers, %,d qualified (2+ purchases in 12 months), "
                        + "%d months of history: %s", r.customers(), r.qualified(), r.historyMonths(),
                r.recommendation() == AuditResult.Recommendation.RFM_AND_PROPENSITY ? "RFM and propensity models"
                        : "RFM only"));
    }
}
