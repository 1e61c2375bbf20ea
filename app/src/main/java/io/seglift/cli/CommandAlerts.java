package io.seglift.cli;

import io.seglift.alerts.Alerter;
import io.seglift.alerts.WarehouseAlertRecorder;
import io.seglift.alerts.WebhookTransport;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.measure.MeasurementReport;
import io.seglift.measure.SegmentMeasurement;
import io.seglift.scoring.segments.SegmentBuild;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.RunSummary;
import io.seglift.sync.runs.RunStatus;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where commands tell the project's {@code alerts:} block what happened ({@code seglift sync}, {@code serve} runs,
 * {@code segments build}, {@code report}). Without an {@code alerts:} block every method does nothing. An alert never
 * changes a command's exit code: an undeliverable one prints a warning on stderr and is recorded as failed
 * (docs/alerts.md).
 */
final class CommandAlerts {
    private CommandAlerts() {
    }

    private static Alerter alerter(Session session, ProjectConfig project, Warehouse w) {
        return new Alerter(project.project(), project.alerts(), new WarehouseAlertRecorder(w), WebhookTransport.jdk(),
                session.clock(), session.sleeper(), System.err::println);
    }

    /**
     * Runs a sync and alerts on the result: a failed run or a run that could not start ({@code sync_failed}; a sync
     * busy elsewhere is not a failure), and a run whose rejected share is above the threshold ({@code rejected_share}).
     * The run's result or exception is passed on unchanged.
     */
    static RunSummary watchSync(Session session, ProjectConfig project, SyncConfig sync, Warehouse w,
                                Supplier<RunSummary> run) {
        if (!project.alerts().enabled()) return run.get();
        RunSummary s;
        try {
            s = run.get();
        } catch (CliException e) {
            if (e.exitCode() != ExitCode.LOCKED) {
                alerter(session, project, w).syncFailed(sync.name(), sync.segment(), null, e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            alerter(session, project, w).syncFailed(sync.name(), sync.segment(), null, ErrorText.of(e));
            throw e;
        }
        Alerter a = alerter(session, project, w);
        if (s.status() == RunStatus.FAILED) {
            a.syncFailed(sync.name(), sync.segment(), s.runId(), s.error() == null ? "failed" : s.error());
        }
        a.runFinished(sync.name(), sync.segment(), s.runId(), s.added() + s.removed() + s.updated() + s.rejected(),
                s.rejected());
        return s;
    }

    /** Alerts on builds whose membership changed more than the stability threshold ({@code membership_change}). */
    static void segmentsBuilt(Session session, ProjectConfig project, Warehouse w, List<SegmentBuild> builds) {
        if (!project.alerts().enabled()) return;
        Alerter a = alerter(session, project, w);
        for (SegmentBuild b : builds) {
            a.segmentBuilt(b.segment(), b.asOf(), b.members(), b.entered(), b.exited(), b.changeRatio());
        }
    }

    /** Alerts on segments whose pooled lift verdict changed since the last report ({@code lift_verdict_change}). */
    static void measured(Session session, ProjectConfig project, Warehouse w, MeasurementReport report) {
        if (!project.alerts().enabled()) return;
        Alerter a = alerter(session, project, w);
        for (SegmentMeasurement s : report.segments()) {
            if (s.pooled() != null) a.liftMeasured(s.segment(), s.pooled().state().name(), s.verdict());
        }
    }
}
