package io.seglift.sync;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.ChangeLimits;
import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.lock.SyncLock;
import io.seglift.sync.lock.SyncLockedException;
import io.seglift.sync.plan.Exclusion;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncEngineTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);

    @TempDir
    Path dir;
    private Warehouse w;
    private final List<Duration> slept = new ArrayList<>();
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 200);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(slept::add), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private ProjectConfig project(SyncConfig sync, boolean brief) {
        return SyncFixture.project(dir, SyncFixture.segment(brief), sync, new Settings("crm", "fake", Map.of()), Optional.empty());
    }

    private ProjectConfig project(SyncConfig sync) {
        return project(sync, true);
    }

    @Test
    void mirrorSendsTreatmentMembersOnlyAndCountsEveryExclusion() {
        SyncFixture.build(w, D1, 1, 100);
        SyncFixture.suppress(w, 3, 11);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.plan().excluded(Exclusion.HELD_OUT)).isEqualTo(10);
        assertThat(s.plan().excluded(Exclusion.SUPPRESSED)).isEqualTo(2);
        assertThat(s.plan().excluded(Exclusion.NO_IDENTIFIER)).isEqualTo(5);
        assertThat(s.added()).isEqualTo(83);
        assertThat(dest.audience).hasSize(83).doesNotContain("10", "3", "17");
        assertThat(dest.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(10));
        RunRecord run = new RunHistory(w).find(s.runId()).orElseThrow();
        assertThat(run.added()).isEqualTo(83);
        assertThat(run.heldOut() + run.suppressed() + run.noIdentifier() + run.added()).isEqualTo(100);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_results WHERE run_id = ? AND status = 'ok'", s.runId())).isEqualTo(83);

        RunSummary again = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(again.plan().planned()).isZero();
        assertThat(again.plan().unchanged()).isEqualTo(83);
    }

    @Test
    void aKeyTheProfileRepeatsStopsThePlanInsteadOfBeingSentTwice() {
        SyncFixture.build(w, D1, 1, 20);
        String rfm = w.dialect().table(w.own("rfm_scores"));
        for (int copy = 0; copy < 2; copy++) {
            w.execute("INSERT INTO " + rfm + " VALUES (?, '7', ?, 10, 1, 50.0, 50.0, 5, 1, 1, 'New')", D1, D1.minusDays(10));
        }
        // a sync with fields reads the profile; one without is planned over customers (CustomersOnlyClassificationTest)
        SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("seglift_tier", "upper(tier)"));
        FakeDestination dest = new FakeDestination(Channel.CRM);

        assertThatThrownBy(() -> engine.plan(project(sync), sync, w, dest.capabilities()))
                .hasMessageContaining("has 20 rows but they classify into 21 rows")
                .hasMessageContaining("repeats a customer key");
        assertThat(dest.audience).isEmpty();
    }

    @Test
    void aMemberHeldOutOfAnotherSegmentIsNeverSent() {
        SyncFixture.build(w, D1, 1, 100);
        w.execute("INSERT INTO seglift.segment_members (as_of, segment, customer_key, arm, build_id) VALUES "
                + "(?, 'other_segment', '21', 'holdout', 'o-1'), (?, 'other_segment', '22', 'treatment', 'o-1'), "
                + "(?, 'other_segment', '23', 'holdout', 'o-0')", D1, D1, D1.minusDays(7));
        w.execute("UPDATE seglift.segment_members SET as_of = ? WHERE build_id = 'o-0'", D1.minusDays(7));
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(dest.audience).doesNotContain("21").contains("22", "23");
        assertThat(s.plan().excluded(Exclusion.HELD_OUT)).isEqualTo(11);
    }

    @Test
    void anEmptyLatestBuildRemovesEveryoneInsteadOfResendingAnOlderBuild() {
        SyncFixture.build(w, D1, 1, 100);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        long added = engine.run(project(sync), sync, w, dest, dest.capabilities()).added();
        assertThat(added).isPositive();

        w.execute("INSERT INTO seglift.segment_builds (build_id, segment, as_of, built_at, rule, salt, holdout_fraction, "
                + "members, holdout, entered, exited, stayed, flagged) VALUES ('empty', ?, ?, TIMESTAMP '2026-11-08 06:00:00', "
                + "'1 = 0', 'lapsed', 0.1, 0, 0, 0, 0, 0, TRUE)", SyncFixture.SEGMENT, D2);
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.plan().segmentAsOf()).isEqualTo(D2);
        assertThat(s.removed()).isEqualTo(added);
        assertThat(dest.audience).isEmpty();
    }

    @Test
    void mirrorRemovesLeaversAndMembersWhoMovedToTheHoldout() {
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(dest.audience).contains("1", "21");
        // next build: 1..20 left, 51..60 entered; 21 is now held out (as if the holdout was introduced later)
        SyncFixture.build(w, D2, 21, 60);
        w.execute("UPDATE seglift.segment_members SET arm = 'holdout' WHERE as_of = ? AND customer_key = '21'", D2);

        Plan plan = engine.plan(project(sync), sync, w, dest.capabilities());
        assertThat(plan.removes()).isEqualTo(17 + 1);   // 1..20 minus the 2 held out and the one without email, plus 21
        assertThat(plan.samples().get("remove")).first().isEqualTo("1");
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.removed()).isEqualTo(18);
        assertThat(dest.audience).doesNotContain("1", "21", "51").contains("22", "52");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_state WHERE sync_name = ?", SyncFixture.SYNC))
                .isEqualTo(dest.audience.size());
    }

    @Test
    void addOnlyNeverRemoves() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.ADD_ONLY, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        SyncFixture.build(w, D2, 31, 40);
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.removed()).isZero();
        assertThat(dest.audience).contains("1", "31");
    }

    @Test
    void upsertSendsOnlyMembersWhoseMappedFieldsChanged() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("seglift_tier", "upper(tier)"));
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(dest.attributes.get("3")).containsEntry("seglift_tier", "GOLD");
        w.execute("UPDATE raw.customers SET tier = 'platinum' WHERE id IN (1, 2)");
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.plan().updates()).isEqualTo(2);
        assertThat(s.updated()).isEqualTo(2);
        assertThat(dest.attributes.get("1")).containsEntry("seglift_tier", "PLATINUM");
    }

    @Test
    void upsertFieldsReadModelDecilesAndRfmColumnsAsOfTheBuild() {
        SyncFixture.build(w, D1, 1, 4);
        String rfm = w.dialect().table(w.own("rfm_scores"));
        String scores = w.dialect().table(w.own("model_scores"));
        for (long k = 1; k <= 4; k++) {
            w.execute("INSERT INTO " + rfm + " VALUES (?, ?, ?, 100, 2, 50.0, 25.0, 1, 2, 2, ?)", D1, String.valueOf(k),
                    D1.minusDays(100), k % 2 == 0 ? "at_risk" : "hibernating");
            w.execute("INSERT INTO " + rfm + " VALUES (?, ?, ?, 3, 3, 90.0, 30.0, 5, 3, 4, 'champions')", D2,
                    String.valueOf(k), D2.minusDays(3));
            w.execute("INSERT INTO " + scores + " VALUES ('churn-old', 'churn_90d', ?, ?, 0.5, 1)", D1, String.valueOf(k));
            w.execute("INSERT INTO " + scores + " VALUES ('churn-new', 'churn_90d', ?, ?, ?, ?)", D1, String.valueOf(k),
                    0.1 * k, (int) k + 6);
        }
        String models = w.dialect().table(w.own("models"));
        w.execute("INSERT INTO " + models + " (model_id, name, kind, trained_at) VALUES ('churn-old', 'churn_90d', 'churn',"
                + " TIMESTAMP '2026-10-01 00:00:00'), ('churn-new', 'churn_90d', 'churn', TIMESTAMP '2026-10-20 00:00:00')");
        SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT,
                Map.of("seglift_churn_decile", "churn_90d_decile", "seglift_rfm", "rfm_segment"));
        ModelConfig churn = new ModelConfig("churn_90d", new ModelConfig.Target(ModelConfig.Target.Kind.CHURN, 90,
                Optional.empty()), List.of("rfm"), Map.of(), Map.of());
        ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                new Settings("crm", "fake", Map.of()), Optional.empty(), Map.of("churn_90d", churn));
        FakeDestination dest = new FakeDestination(Channel.CRM);

        engine.run(project, sync, w, dest, dest.capabilities());

        assertThat(dest.attributes.get("2")).containsEntry("seglift_churn_decile", "8").containsEntry("seglift_rfm", "at_risk");
        assertThat(dest.attributes.get("3")).containsEntry("seglift_churn_decile", "9")
                .containsEntry("seglift_rfm", "hibernating");
    }

    @Test
    void emailChannelRequiresConsent() {
        SyncFixture.build(w, D1, 1, 100);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        RunSummary s = engine.run(project(sync), sync, w, new FakeDestination(Channel.EMAIL), new FakeDestination(Channel.EMAIL).capabilities());
        // 13, 26, 39, 52, 65, 78, 91 lack consent (none held out); 17, 34, 51, 68, 85 lack an email
        assertThat(s.plan().excluded(Exclusion.NO_CONSENT)).isEqualTo(7);
        assertThat(s.plan().excluded(Exclusion.NO_IDENTIFIER)).isEqualTo(5);
        assertThat(s.added()).isEqualTo(90 - 12);
    }

    @Test
    void rejectedRowsAreRecordedAndNotResentRetryRowsAreResent() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        dest.rejectKeys.add("5");
        dest.retryKeysOnce.add("6");
        RunSummary first = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.retried()).isEqualTo(1);
        assertThat(new RunHistory(w).problems(first.runId(), 10)).extracting(RunHistory.MemberResult::code)
                .containsExactlyInAnyOrder("INVALID", "BUSY");

        RunSummary second = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(second.plan().adds()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(dest.audience).contains("6").doesNotContain("5");
        assertThat(dest.pushesPerKey.get("5")).isEqualTo(1);
    }

    @Test
    void retriesHonourTheServersWaitWithoutSleeping() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        AtomicInteger failures = new AtomicInteger(2);
        dest.beforePush = () -> failures.getAndDecrement() > 0
                ? new RetriableDestinationException("429", "slow down", Duration.ofSeconds(7)) : null;
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.callRetries()).isEqualTo(2);
        assertThat(slept).filteredOn(d -> d.equals(Duration.ofSeconds(7))).hasSize(2);
    }

    @Test
    void circuitBreakerStopsTheRunWhenTheDestinationIsDown() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        dest.beforePush = () -> new RetriableDestinationException("503", "down", null);
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.FAILED);
        assertThat(s.error()).contains("looks down");
        assertThat(s.calls()).isLessThanOrEqualTo(11);
        assertThat(new RunHistory(w).find(s.runId()).orElseThrow().status()).isEqualTo("failed");
    }

    @Test
    void fatalDestinationErrorsFailTheRunWithTheirMessage() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        dest.beforePush = () -> new DestinationException("DAILY_LIMIT", "daily limit used up; retrying today will not help");
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.FAILED);
        assertThat(s.error()).contains("DAILY_LIMIT").contains("retrying today");
        assertThat(s.calls()).isEqualTo(3);   // check, ensure audience, the one push that failed
    }

    @Test
    void aServerWaitPastTheMaximumStopsTheRunCleanlyNamingTheWait() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        int[] pushes = {0};
        dest.beforePush = () -> ++pushes[0] == 2 ? new io.seglift.spi.destination.RetriableDestinationException(
                "DAILY_LIMIT", "daily limit", java.time.Duration.ofHours(23).plusMinutes(59)) : null;
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.FAILED);
        assertThat(s.error()).contains("asked to wait 23h 59m").contains("the most Seglift waits is 15m")
                .contains("rerun later");
        assertThat(slept).as("the engine never waited for the server").allMatch(d -> d.toMinutes() < 15);
        assertThat(dest.audience).as("the first batch is committed").hasSize(10);
        dest.beforePush = () -> null;
        RunSummary rest = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(rest.status()).as("lock released, the rest sent").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(rest.added()).as("the rest is sent by the rerun").isPositive();
        assertThat(rest.rejected() + rest.retried()).isZero();
    }

    @Test
    void aSyncsOwnMaxServerWaitReplacesTheEnginesDefault() {
        SyncFixture.build(w, D1, 1, 30);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        int[] pushes = {0};
        dest.beforePush = () -> ++pushes[0] == 1
                ? new RetriableDestinationException("429", "slow down", Duration.ofMinutes(20)) : null;
        SyncConfig patient = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withMaxServerWait(Duration.ofMinutes(30));
        RunSummary waited = engine.run(project(patient), patient, w, dest, dest.capabilities());
        assertThat(waited.status()).as("20m is within the sync's 30m").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(slept).contains(Duration.ofMinutes(20));

        SyncFixture.build(w, D2, 1, 33);
        slept.clear();
        pushes[0] = 0;
        dest.beforePush = () -> ++pushes[0] == 1
                ? new RetriableDestinationException("429", "slow down", Duration.ofMinutes(2)) : null;
        SyncConfig impatient = patient.withMaxServerWait(Duration.ofMinutes(1));
        RunSummary stopped = engine.run(project(impatient), impatient, w, dest, dest.capabilities());
        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stopped.error()).contains("asked to wait 2m").contains("the most Seglift waits is 1m");
        assertThat(slept).doesNotContain(Duration.ofMinutes(2));
    }

    @Test
    void incompleteBriefIsRefusedNamingWhatIsMissing() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        assertThatThrownBy(() -> engine.run(project(sync, false), sync, w, new FakeDestination(Channel.CRM), new FakeDestination(Channel.CRM).capabilities()))
                .isInstanceOf(SyncRefusedException.class).hasMessageContaining("segments.lapsed.brief.owner");
    }

    @Test
    void aSecondConcurrentRunIsLockedOut() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        try (SyncLock held = SyncLock.tryAcquire(dir, SyncFixture.SYNC, new StringBuilder()).orElseThrow()) {
            assertThatThrownBy(() -> engine.run(project(sync), sync, w, new FakeDestination(Channel.CRM), new FakeDestination(Channel.CRM).capabilities()))
                    .isInstanceOf(SyncLockedException.class).hasMessageContaining("already running");
        }
    }

    @Test
    void aStopRequestEndsTheRunAfterTheBatchInFlightAndTheNextRunFinishes() {
        SyncFixture.build(w, D1, 1, 100);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        AtomicInteger polls = new AtomicInteger();
        SyncEngine stopping = new SyncEngine(EngineOptions.defaults().withSleeper(slept::add)
                .withStopRequested(() -> polls.incrementAndGet() > 3));
        RunSummary s = stopping.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(s.added()).isEqualTo(30);
        RunSummary rest = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(rest.added()).isEqualTo(83 - 30 + 2);   // no suppression list entries in this test
        assertThat(dest.pushesPerKey.values()).allMatch(n -> n == 1);
    }

    @Test
    void aRunRemovingMoreThanTheAllowedShareIsRefusedBeforeAnythingIsSentAndRecorded() {
        SyncFixture.build(w, D1, 1, 100);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        assertThat(engine.run(project(sync), sync, w, dest, dest.capabilities()).added()).isEqualTo(85);   // the first fill is not limited
        int pushes = dest.batches.size();
        SyncFixture.build(w, D2, 1, 40);   // 34 to send: 51 of 85 would go

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(s.error()).contains("would remove 51 of 85 members (60%), more than max_removal_share 20%",
                "nothing was sent", "seglift plan " + SyncFixture.SYNC, "--allow-large-changes");
        assertThat(dest.batches).hasSize(pushes);
        assertThat(dest.audience).hasSize(85);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_state WHERE sync_name = ?", SyncFixture.SYNC)).isEqualTo(85);
        RunRecord run = new RunHistory(w).find(s.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo("refused");
        assertThat(run.error()).contains("would remove 51 of 85");
        assertThat(run.planned()).isEqualTo(51);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_pending WHERE run_id = ?", s.runId())).isZero();

        RunSummary allowed = engine.run(project(sync), sync.withChangeLimits(ChangeLimits.UNLIMITED), w, dest, dest.capabilities());
        assertThat(allowed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(allowed.removed()).isEqualTo(51);
        assertThat(dest.audience).hasSize(34);
    }

    @Test
    void additionsAboveTheShareAreRefusedAndAPerSyncShareLetsThemThrough() {
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(dest.audience).hasSize(43);
        SyncFixture.build(w, D2, 1, 100);   // 85 to send: 42 more

        RunSummary refused = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(refused.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(refused.error()).contains("would add 42 members to an audience of 43 (98%), more than max_addition_share 20%")
                .doesNotContain("max_removal_share");
        assertThat(dest.audience).hasSize(43);

        SyncConfig generous = sync.withChangeLimits(new ChangeLimits(0.2, 1.0));
        RunSummary s = engine.run(project(generous), generous, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.added()).isEqualTo(42);
    }

    @Test
    void aChangeWithinTheSharesGoesThrough() {
        SyncFixture.build(w, D1, 1, 100);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        SyncFixture.build(w, D2, 11, 110);   // 1..9 sent before leave, 101..110 enter (8 to send): about 10% each
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.removed()).isEqualTo(9);
        assertThat(s.added()).isEqualTo(8);
    }

    /** A member who falls into any current holdout leaves the audience in every mode; add-only and upsert keep other leavers. */
    @ParameterizedTest
    @EnumSource(SyncMode.class)
    void aMemberNowInAnyHoldoutIsRemovedInEveryMode(SyncMode mode) {
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(mode, mode == SyncMode.UPSERT ? Map.of("seglift_tier", "upper(tier)") : Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(dest.audience).hasSize(43).contains("1", "2", "21", "23");
        // next build: 1 and 2 left (1 is now in another segment's holdout), 21 is in that holdout too, 23 moved to ours
        SyncFixture.build(w, D2, 3, 50);
        w.execute("UPDATE seglift.segment_members SET arm = 'holdout' WHERE as_of = ? AND customer_key = '23'", D2);
        w.execute("INSERT INTO seglift.segment_members (as_of, segment, customer_key, arm, build_id) VALUES "
                + "(?, 'other_segment', '1', 'holdout', 'o-1'), (?, 'other_segment', '21', 'holdout', 'o-1')", D2, D2);

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(dest.audience).doesNotContain("1", "21", "23").contains("3", "22");
        if (mode == SyncMode.MIRROR) {
            assertThat(s.removed()).isEqualTo(4);
            assertThat(dest.audience).doesNotContain("2");
        } else {
            assertThat(s.removed()).isEqualTo(3);
            assertThat(dest.audience).contains("2");
        }
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_state WHERE sync_name = ? AND customer_key IN ('1', '21', '23')",
                SyncFixture.SYNC)).isZero();
        assertThat(engine.run(project(sync), sync, w, dest, dest.capabilities()).plan().planned()).isZero();
    }

    @Test
    void workRowsLeftByAbandonedAndFinishedRunsAreRemovedByTheNextRun() {
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        // a run killed mid-way (still "running"), a failed run whose cleanup failed, and a live run of another sync
        w.execute("INSERT INTO seglift.sync_runs (run_id, sync_name, status) VALUES ('dead-1', ?, 'running'), "
                + "('failed-1', ?, 'failed'), ('live-1', 'other_sync', 'running')", SyncFixture.SYNC, SyncFixture.SYNC);
        for (String run : List.of("dead-1", "failed-1", "live-1")) {
            w.execute("INSERT INTO seglift.sync_work (run_id, customer_key, reason) SELECT ?, CAST(i AS VARCHAR), NULL"
                    + " FROM range(1000, 1500) t(i)", run);
            w.execute("INSERT INTO seglift.sync_pending (run_id, seq, operation, customer_key) SELECT ?, i, 'add',"
                    + " CAST(i AS VARCHAR) FROM range(1000, 1500) t(i)", run);
            w.execute("INSERT INTO seglift.sync_batch (run_id, customer_key, operation, status) VALUES (?, '1000', 'add', 'ok')", run);
        }
        SyncFixture.build(w, D2, 1, 55);

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        for (String table : List.of("sync_work", "sync_pending", "sync_batch")) {
            assertThat(w.queryLong("SELECT COUNT(*) FROM seglift." + table + " WHERE run_id IN ('dead-1', 'failed-1')"))
                    .as(table).isZero();
            assertThat(w.queryLong("SELECT COUNT(*) FROM seglift." + table + " WHERE run_id = 'live-1'")).as(table).isPositive();
            assertThat(w.queryLong("SELECT COUNT(*) FROM seglift." + table + " WHERE run_id = ?", s.runId())).as(table).isZero();
        }
        assertThat(new RunHistory(w).find("dead-1").orElseThrow().status()).isEqualTo("abandoned");
        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.added()).isEqualTo(4);   // 51..55 entered; 51 has no email
        assertThat(dest.audience).hasSize(43 + 4).doesNotContain("1000");
    }
}
