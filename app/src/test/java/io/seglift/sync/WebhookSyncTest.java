package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunStatus;
import io.seglift.testkit.SandboxServer;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine and the webhook destination against the receiver sandbox, which honours {@code Idempotency-Key} as a
 * receiver following the IETF draft does: erased customers leave the audience, and new data is never answered as a
 * replay of an earlier run.
 */
class WebhookSyncTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);
    private static final String SECRET = "whsec-e2e";

    @TempDir
    Path dir;
    private Warehouse w;
    private WebhookReceiverApi receiver;
    private SandboxServer server;
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 40);
        SyncFixture.build(w, D1, 1, 30);
        receiver = new WebhookReceiverApi(SECRET, Clock.systemUTC());
        server = SandboxServer.serve(receiver);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        server.close();
        w.close();
    }

    private RunSummary run(SyncConfig sync) {
        Settings settings = new Settings("crm", "webhook", Map.of("base_url", server.baseUrl(),
                "signing_secret", Secret.of("${env:WEBHOOK_SECRET}", SECRET)));
        ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync, settings, Optional.empty());
        RunSummary s = engine.run(project, sync, w, Destinations.discover());
        assertThat(s.status()).as("run %s: %s", s.runId(), s.error()).isEqualTo(RunStatus.SUCCEEDED);
        return s;
    }

    private String audience(RunSummary s) {
        return new RunHistory(w).find(s.runId()).orElseThrow().audienceId();
    }

    @Test
    void anErasedCustomerLeavesTheWebhookAudienceOnTheNextMirrorRun() {
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        RunSummary first = run(sync);
        assertThat(receiver.members(audience(first))).contains("3", "4");

        w.execute("DELETE FROM raw.customers WHERE id IN (3, 4)");
        SyncFixture.build(w, D2, 1, 30);
        RunSummary second = run(sync);

        assertThat(second.removed()).isEqualTo(2);
        assertThat(receiver.members(audience(second))).doesNotContain("3", "4").contains("5");
    }

    @Test
    void updatesOfTheSameMembersInLaterRunsAreAppliedNotReplayed() {
        SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("seglift_tier", "upper(tier)"));
        String audience = audience(run(sync));
        w.execute("UPDATE raw.customers SET tier = 'platinum' WHERE id = 1");
        assertThat(run(sync).updated()).isEqualTo(1);
        assertThat(receiver.attributes(audience, "1")).contains("PLATINUM");

        w.execute("UPDATE raw.customers SET tier = 'bronze' WHERE id = 1");
        RunSummary third = run(sync);

        assertThat(third.updated()).isEqualTo(1);
        assertThat(receiver.attributes(audience, "1")).as("the receiver applied the third run's data").contains("BRONZE");
    }
}
