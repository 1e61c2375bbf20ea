package io.seglift.demo;

import java.util.List;

/** The stages of {@code seglift demo}, in order. Placeholders name the issue that brings each missing feature. */
public final class DemoStages {
    private DemoStages() {
    }

    public static List<DemoStage> defaults() {
        return List.of(
                new GenerateDataStage(),
                new PendingStage("audit", "data readiness audit (seglift audit)", "issue 3"),
                new PendingStage("rfm", "RFM scores in the warehouse (seglift score rfm)", "issue 3"),
                new PendingStage("models", "churn_90d and purchase_30d propensity models (seglift models train)",
                        "issue 4"),
                new PendingStage("segments", "segments with holdouts (seglift segments build)", "issue 3"),
                new PendingStage("sandbox sync", "syncs to local HubSpot, Klaviyo and Facebook sandboxes", "issues 5 and 6"),
                new SimulateOutcomesStage(),
                new PendingStage("lift report", "holdout lift against the true effect, HTML report (seglift report)",
                        "issue 7"),
                new DataSummaryStage());
    }
}
