package io.seglift.demo;

import io.seglift.sandbox.SandboxProviders;
import io.seglift.spi.destination.Destinations;

import java.util.List;

/**
 * The stages of {@code seglift demo}, in order: the whole loop from raw data to a measured campaign, run for
 * {@link #DEFAULT_CYCLES} monthly campaign cycles so the report can compare builds and cohorts.
 */
public final class DemoStages {
    /** Campaign cycles of the demo: enough builds for stability, cohorts and validity over time to move. */
    public static final int DEFAULT_CYCLES = 4;

    private DemoStages() {
    }

    public static List<DemoStage> defaults(Destinations destinations) {
        return withCycles(destinations, DEFAULT_CYCLES);
    }

    /** The demo with {@code cycles} campaign cycles (1 runs a single build, sync and outcome simulation). */
    public static List<DemoStage> withCycles(Destinations destinations, int cycles) {
        RfmStage rfm = new RfmStage();
        ModelsStage models = new ModelsStage(destinations);
        SegmentsStage segments = new SegmentsStage();
        SandboxSyncStage sync = new SandboxSyncStage(destinations, SandboxProviders.discover(),
                SandboxSyncStage.demoFaults());
        SimulateOutcomesStage outcomes = new SimulateOutcomesStage();
        return List.of(
                new GenerateDataStage(),
                new AuditStage(destinations),
                rfm,
                models,
                segments,
                sync,
                outcomes,
                new CampaignCyclesStage(cycles, List.of(rfm, models, segments, sync, outcomes)),
                new LiftReportStage(),
                new DataSummaryStage());
    }
}
