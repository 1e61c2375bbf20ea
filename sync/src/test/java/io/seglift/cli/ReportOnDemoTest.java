package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.demo.DemoContext;
import io.seglift.demo.DemoSpec;
import io.seglift.demo.DemoTables;
import io.seglift.demo.GenerateDataStage;
import io.seglift.demo.OutcomeSimulator;
import io.seglift.scoring.measure.CohortLift;
import io.seglift.scoring.measure.LiftEstimate;
import io.seglift.scoring.measure.LiftState;
import io.seglift.scoring.measure.Measurement;
import io.seglift.scoring.measure.MeasurementReport;
import io.seglift.scoring.measure.SegmentMeasurement;
import io.seglift.scoring.report.HtmlReport;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end, with the send stood in for: generate the demo shop, score RFM, build the lapsed segment with its
 * holdout, record as "sent" the treated members a destination would reach (those with email consent, as the sync
 * engine would), let the demo's {@link OutcomeSimulator} play out the true campaign effect on members sent, and check
 * that the report's interval contains that effect. Stands in for the sync engine until it lands on main. Runs on
 * 20,000 customers by default (about 45 s, so tagged slow: {@code mvn -pl sync -am test -Pslow -Dtest=ReportOnDemoTest
 * -Dsurefire.failIfNoSpecifiedTests=false}); {@code -Dseglift.demo.customers=100000} matches {@code seglift demo}.
 */
@Tag("slow")
class ReportOnDemoTest {
    private static final String SEGMENT = "lapsed_reengage";
    private static final String SYNC = "lapsed_to_hubspot";

    @Test
    void liftIntervalContainsTheInjectedEffect(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);
        Map<String, String> env = Map.of("HUBSPOT_TOKEN", "pat-test", "HUBSPOT_BASE_URL", "http://127.0.0.1:9",
                "KLAVIYO_API_KEY", "pk_test", "KLAVIYO_BASE_URL", "http://127.0.0.1:9",
                "FACEBOOK_ACCESS_TOKEN", "fb-test", "FACEBOOK_BASE_URL", "http://127.0.0.1:9");
        Session session = new Session(Warehouses.discover(), Destinations.discover(), env, clock, Progress.NONE);
        GlobalOptions options = new GlobalOptions();
        try (DemoContext context = new DemoContext(dir, DemoSpec.of(Integer.getInteger("seglift.demo.customers", 20_000), 7), session.warehouses(), clock,
                Progress.NONE, file -> {
                    options.project = file;
                    return session.project(options);
                }, session::openWarehouse)) {
            new GenerateDataStage().run(context);
            withoutUnavailableDestinations(context.projectFile(), session.destinations());
            ProjectConfig project = context.project();
            Warehouse w = context.warehouse();
            LocalDate asOf = context.asOf();
            new RfmScorer(w, project.sources().orders(), project.scoring().rfm(), clock).score(asOf);
            SegmentConfig lapsed = project.segment(SEGMENT).orElseThrow();
            new SegmentBuilder(w, project, clock).build(lapsed, asOf);
            sendTreatedMembersWithEmailConsent(w, asOf);
            double trueEffect = w.queryOne("SELECT true_effect_pp FROM " + w.dialect().table(DemoTables.CAMPAIGN),
                    List.of(), r -> r.doubleValue("true_effect_pp")).orElseThrow();
            OutcomeSimulator.Result sim = new OutcomeSimulator(w).simulate(Map.of(SYNC, SEGMENT), asOf,
                    asOf.plusDays(sim(w)));

            MeasurementReport report = new Measurement(project, w, clock).report(Optional.empty());
            SegmentMeasurement s = report.segments().stream().filter(x -> x.segment().equals(SEGMENT)).findFirst()
                    .orElseThrow();
            CohortLift pooled = s.pooled();
            LiftEstimate itt = pooled.estimate();
            LiftEstimate sent = pooled.perSent();
            double share = (double) pooled.exposed() / pooled.treatment().n();
            System.out.printf("demo %s: injected +%.2f pts on members sent (%d sent of %d treated, %d holdout); "
                            + "estimated per member sent %+.2f pts [%+.2f, %+.2f]; intention to treat %+.2f pts "
                            + "[%+.2f, %+.2f] (true ITT %+.2f); state %s; %d uplift orders%n", SEGMENT,
                    100 * trueEffect, pooled.exposed(), pooled.treatment().n(), pooled.holdout().n(),
                    100 * sent.absolute(), 100 * sent.low(), 100 * sent.high(), 100 * itt.absolute(), 100 * itt.low(),
                    100 * itt.high(), 100 * trueEffect * share, pooled.state(), sim.upliftOrdersAppended());
            assertThat(report.asOf()).isAfterOrEqualTo(asOf.plusDays(30));
            assertThat(s.cohorts()).hasSize(1);
            assertThat(pooled.state()).isNotIn(LiftState.NOT_ENOUGH_DATA, LiftState.WINDOW_NOT_COMPLETE);
            assertThat(sent.contains(trueEffect)).as("per-sent interval contains the injected effect").isTrue();
            assertThat(itt.contains(trueEffect * share)).as("ITT interval contains the diluted effect").isTrue();
            Path html = dir.resolve("seglift-report.html");
            Files.writeString(html, new HtmlReport().render(report));
            assertThat(Files.readString(html)).contains("Segment: " + SEGMENT, "<svg");
            Files.createDirectories(Path.of("target"));
            Files.copy(html, Path.of("target", "demo-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Drops the Facebook destination and its sync when that connector is not on the class path yet. */
    private static void withoutUnavailableDestinations(Path file, Destinations destinations) throws Exception {
        if (destinations.find("facebook").isPresent()) return;
        String yaml = Files.readString(file)
                .replaceAll("(?m)^  facebook_ads:\\n(    .*\\n)+", "")
                .replaceAll("(?m)^  - name: winback_to_facebook\\n(    .*\\n?)+", "")
                .replace("channel: [facebook_ads]", "channel: [hubspot_crm]");
        Files.writeString(file, yaml);
    }

    private static int sim(Warehouse w) {
        return (int) w.queryLong("SELECT window_days FROM " + w.dialect().table(DemoTables.CAMPAIGN));
    }

    /** What the sync engine records: one run, and a sync_state row per treated member it could reach. */
    private static void sendTreatedMembersWithEmailConsent(Warehouse w, LocalDate asOf) {
        Dialect d = w.dialect();
        w.execute("CREATE TABLE IF NOT EXISTS " + d.table(w.own("sync_state")) + " (sync_name VARCHAR, "
                + "customer_key VARCHAR, destination_id VARCHAR, fingerprint VARCHAR, synced_at TIMESTAMP, run_id VARCHAR)");
        w.execute("CREATE TABLE IF NOT EXISTS " + d.table(w.own("sync_runs")) + " (run_id VARCHAR, sync_name VARCHAR, "
                + "segment VARCHAR, destination VARCHAR, mode VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, "
                + "status VARCHAR, error VARCHAR, planned BIGINT, sent BIGINT, added BIGINT, removed BIGINT, "
                + "updated BIGINT, rejected BIGINT, retried BIGINT, held_out BIGINT, suppressed BIGINT, no_consent BIGINT)");
        String at = d.timestampLiteral(asOf.atTime(6, 30).toInstant(ZoneOffset.UTC));
        long sent = w.execute("INSERT INTO " + d.table(w.own("sync_state")) + " SELECT '" + SYNC + "', m.customer_key, "
                + "'hs-' || m.customer_key, 'fp', " + at + ", 'run-1' FROM " + d.table(w.own("segment_members"))
                + " m JOIN raw.customers c ON CAST(c.customer_id AS VARCHAR) = m.customer_key WHERE m.segment = '"
                + SEGMENT + "' AND m.arm = 'treatment' AND COALESCE(c.email_opt_in, FALSE)");
        w.execute("INSERT INTO " + d.table(w.own("sync_runs")) + " (run_id, sync_name, segment, destination, mode, "
                + "started_at, finished_at, status, planned, sent, added, rejected, retried) VALUES ('run-1', '" + SYNC
                + "', '" + SEGMENT + "', 'hubspot_crm', 'upsert', " + at + ", " + at + ", 'ok', " + sent + ", " + sent
                + ", " + sent + ", 0, 0)");
    }
}
