package io.seglift.cli;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.demo.DemoContext;
import io.seglift.demo.DemoSpec;
import io.seglift.demo.DemoTables;
import io.seglift.demo.GenerateDataStage;
import io.seglift.demo.LiftReportStage;
import io.seglift.demo.OutcomeSimulator;
import io.seglift.demo.StageResult;
import io.seglift.measure.CohortLift;
import io.seglift.measure.LiftEstimate;
import io.seglift.measure.LiftState;
import io.seglift.measure.Measurement;
import io.seglift.measure.MeasurementReport;
import io.seglift.measure.SegmentMeasurement;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import io.seglift.sync.EngineOptions;
import io.seglift.sync.RunSummary;
import io.seglift.sync.SyncEngine;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end: generate the demo shop, score RFM, build the lapsed segment with its holdout, sync it with the
 * real {@link SyncEngine} (mirror mode, to a CRM that accepts everyone: the engine applies holdout, suppressions,
 * consent and identifiers), let the demo's {@link OutcomeSimulator} play out the true campaign effect on members
 * actually sent, and check that the report's interval contains that effect. Runs on
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
            SyncConfig sync = new SyncConfig(SYNC, SEGMENT, "hubspot_crm", SyncMode.MIRROR, Optional.empty(), Map.of());
            RunSummary run = new SyncEngine(EngineOptions.defaults().withClock(Clock.fixed(
                    asOf.atTime(6, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)), ProfileView::sql).run(project, sync, w,
                    new AcceptingCrm(), new AcceptingCrm().capabilities());
            assertThat(run.added()).isPositive();
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
            StageResult stage = new LiftReportStage().run(context);
            System.out.println("demo stage: " + stage.summary());
            assertThat(stage.status()).isEqualTo(StageResult.Status.DONE);
            assertThat(stage.summary()).contains(SEGMENT, "inside the interval").doesNotContain("OUTSIDE");
            Path html = dir.resolve("seglift-report.html");
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

    /** A CRM that accepts every member (the demo's HubSpot sandbox needs a running server). */
    private static final class AcceptingCrm implements Destination {
        /** What its factory would declare. */
        Capabilities capabilities() {
            return Capabilities.builder(Channel.CRM).identifiers(IdentifierType.EMAIL).maxBatchSize(1000)
                    .rateLimit(new RateLimit("default", 100_000, Duration.ofSeconds(1))).modes(SyncMode.values())
                    .removes().attributes().build();
        }

        @Override
        public void check() {
        }

        @Override
        public AudienceRef ensureAudience(AudienceSpec spec) {
            return new AudienceRef("list-1", spec.displayName(), false);
        }

        @Override
        public BatchResult push(Batch batch) {
            List<RowResult> out = new ArrayList<>();
            for (Member m : batch.members()) out.add(RowResult.ok(m.key(), "hs-" + m.key()));
            return new BatchResult(out);
        }
    }
}
