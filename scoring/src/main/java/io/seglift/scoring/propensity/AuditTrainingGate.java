package io.seglift.scoring.propensity;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.scoring.audit.MethodReadiness;
import io.seglift.scoring.audit.MethodVerdict;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The readiness audit as the training gate: runs it as of the training date and passes its reasons on. Whether models
 * are allowed does not depend on clustering, so the gate's audit does not run clustering's k-means and bootstrap fits
 * (its stored run says clustering was not assessed).
 */
public final class AuditTrainingGate implements TrainingGate {
    private final Warehouse warehouse;
    private final ProjectConfig project;
    private final Destinations destinations;
    private final Clock clock;

    public AuditTrainingGate(Warehouse warehouse, ProjectConfig project, Destinations destinations, Clock clock) {
        this.warehouse = warehouse;
        this.project = project;
        this.destinations = destinations;
        this.clock = clock;
    }

    @Override
    public List<String> blockers(LocalDate asOf) {
        AuditResult audit = new Auditor(warehouse, project, destinations, clock,
                MethodReadiness.notAssessed(MethodVerdict.CLUSTERING, "the model-training gate")).run(asOf);
        if (audit.allowsModels()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("the readiness audit " + audit.runId() + " as of " + asOf + " recommends "
                + audit.recommendation().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        reasons.addAll(audit.reasons());
        return reasons;
    }
}
