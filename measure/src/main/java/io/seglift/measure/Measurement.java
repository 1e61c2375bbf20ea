package io.seglift.measure;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SuccessMetric;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link MeasurementReport} for a project. The report's "now" is the earlier of today (the injected clock,
 * UTC) and the latest order date in the warehouse: outcomes can only be known up to the last day the orders cover,
 * so a window counts as complete only when the data has reached its end. An explicit as-of date overrides both.
 */
public final class Measurement {
    private final ProjectConfig project;
    private final Warehouse w;
    private final Clock clock;
    private final int minArm;

    public Measurement(ProjectConfig project, Warehouse warehouse, Clock clock, int minArm) {
        this.project = project;
        this.w = warehouse;
        this.clock = clock;
        this.minArm = minArm;
    }

    public Measurement(ProjectConfig project, Warehouse warehouse, Clock clock) {
        this(project, warehouse, clock, LiftAssessor.DEFAULT_MIN_ARM);
    }

    public MeasurementReport report(Optional<LocalDate> asOfOverride) {
        PurchaseFacts facts = new PurchaseFacts(project.sources().orders(), w.dialect());
        LiftQuery lift = new LiftQuery(w, facts);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate asOf;
        String rule;
        if (asOfOverride.isPresent()) {
            asOf = asOfOverride.get();
            rule = "given with --as-of";
        } else {
            Optional<LocalDate> latest = lift.latestOrderDate();
            if (latest.isPresent() && latest.get().isBefore(today)) {
                asOf = latest.get();
                rule = "latest order date in the warehouse (orders end before today)";
            } else {
                asOf = today;
                rule = latest.isEmpty() ? "today (no orders found)" : "today";
            }
        }
        List<SegmentMeasurement> segments = new ArrayList<>();
        StabilityQuery stability = new StabilityQuery(w);
        for (SegmentConfig s : project.segments().values()) {
            segments.add(segment(s, lift, stability, asOf));
        }
        return new MeasurementReport(project.project(), clock.instant(), asOf, rule, segments,
                new ValidityQuery(w, facts).models(project.scoring().models(), asOf),
                LatestAudit.read(w).orElse(null), new SyncHealthQuery(w).all());
    }

    private SegmentMeasurement segment(SegmentConfig s, LiftQuery lift, StabilityQuery stability, LocalDate asOf) {
        BriefSummary brief = BriefSummary.of(s.brief().orElse(null));
        Optional<SuccessMetric> metric = s.brief().flatMap(b -> b.successMetric());
        SuccessMetric.Outcome outcome = metric.flatMap(SuccessMetric::outcome).orElse(SuccessMetric.Outcome.PURCHASE);
        int window = metric.flatMap(SuccessMetric::windowDays).orElse(30);
        SuccessMetric.Target target = metric.flatMap(SuccessMetric::target).orElse(null);
        Activation activation = Activation.of(w, s.name());
        List<BuildPoint> builds = stability.builds(s.name());
        boolean unstable = builds.stream().anyMatch(BuildPoint::flagged);
        List<CohortLift> rows = activation.activated()
                ? new LiftAssessor(outcome, window, target, s.holdoutFraction(), minArm)
                .all(lift.cohorts(s.name(), window, asOf), asOf)
                : List.of();
        CohortLift pooled = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        List<CohortLift> cohorts = rows.isEmpty() ? List.of() : rows.subList(0, rows.size() - 1);
        String verdict = Verdicts.of(outcome, activation, cohorts, pooled, brief, asOf, window);
        return new SegmentMeasurement(s.name(), s.description().orElse(null), brief, s.holdoutFraction(), activation,
                cohorts, pooled, verdict, builds, unstable);
    }
}
