package io.seglift.demo;





import io.seglift.sync.state.SyncTables;
import io.seglift.measure.CohortLift;
import io.seglift.measure.LiftEstimate;
import io.seglift.measure.Measurement;
import io.seglift.measure.MeasurementReport;
import io.seglift.measure.SegmentMeasurement;
import io.seglift.report.HtmlReport;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's last measuring step: writes {@code seglift-report.html} in the demo folder and says, per measured
 * segment, whether the lift interval per member sent contains the true effect the generator injected
 * ({@code demo_truth.campaign.true_effect_pp}, which applies to members actually sent). Replaces the
 * {@code lift report} placeholder in {@code DemoStages}. The report is measured with the clock on the day after the last
 * simulated order, so it covers every campaign cycle whatever today's date is.
 */
public final class LiftReportStage implements DemoStage {

    @Override
    public String name() {
        return "lift report";
    }

    @Override
    public StageResult run(DemoContext context) throws Exception {
        Warehouse w = context.warehouse();
        if (!w.tableExists(w.own(SyncTables.RUNS)) || w.queryLong("SELECT count(*) FROM "
                + w.dialect().table(w.own(SyncTables.RUNS))) == 0) {
            return StageResult.skipped("nothing has been sent yet, so there is no lift to measure");
        }
        MeasurementReport report = new Measurement(context.project(), w, afterSimulatedOrders(context))
                .report(Optional.empty());
        Path html = context.dir().resolve("seglift-report.html");
        Files.writeString(html, new HtmlReport().render(report), StandardCharsets.UTF_8);
        Optional<Double> truth = w.tableExists(DemoTables.CAMPAIGN) ? w.queryOne("SELECT true_effect_pp FROM "
                + w.dialect().table(DemoTables.CAMPAIGN), List.of(), r -> r.doubleValue("true_effect_pp"))
                : Optional.empty();
        List<String> lines = new ArrayList<>();
        for (SegmentMeasurement s : report.segments()) {
            CohortLift p = s.pooled();
            if (p == null || p.estimate() == null) continue;
            LiftEstimate e = p.perSent() != null ? p.perSent() : p.estimate();
            String line = String.format(Locale.ROOT, "%s %s: %+.1f pts per member sent (95%% %+.1f to %+.1f)",
                    s.segment(), p.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), 100 * e.absolute(),
                    100 * e.low(), 100 * e.high());
            if (truth.isPresent()) {
                line += String.format(Locale.ROOT, ", true effect %+.1f pts %s", 100 * truth.get(),
                        e.contains(truth.get()) ? "inside the interval" : "OUTSIDE the interval");
            }
            lines.add(line);
        }
        return StageResult.done(lines.isEmpty() ? "no segment has measurable cohorts yet; report written"
                : String.join("; ", lines), html);
    }

    /** The demo's clock moved to the day after the latest order (the end of the simulated future). */
    private static Clock afterSimulatedOrders(DemoContext context) {
        Warehouse w = context.warehouse();
        LocalDate last = w.queryOne("SELECT " + w.dialect().castDate("MAX(ordered_at)") + " AS d FROM "
                + w.dialect().table(DemoTables.ORDERS), List.of(), r -> r.date("d")).orElse(context.asOf());
        return Clock.offset(context.clock(), Duration.between(context.clock().instant(),
                last.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }
}
