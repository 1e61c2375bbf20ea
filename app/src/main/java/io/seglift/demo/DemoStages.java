package io.seglift.demo;

import io.seglift.sandbox.SandboxProviders;
import io.seglift.spi.destination.Destinations;

import java.util.List;

/** The stages of {@code seglift demo}, in order: the whole loop from raw data to a measured campaign. */
public final class DemoStages {
    private DemoStages() {
    }

    public static List<DemoStage> defaults(Destinations destinations) {
        return List.of(
                new GenerateDataStage(),
                new AuditStage(destinations),
                new RfmStage(),
                new ModelsStage(destinations),
                new SegmentsStage(),
                new SandboxSyncStage(destinations, SandboxProviders.discover(), SandboxSyncStage.demoFaults()),
                new SimulateOutcomesStage(),
                new LiftReportStage(),
                new DataSummaryStage());
    }
}
