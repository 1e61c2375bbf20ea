package io.seglift.sync;

import io.seglift.destination.facebook.MetaNormalizer;
import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's replace edge ({@code usersreplace}) would shrink an audience to a run's increment; the Facebook destination
 * therefore syncs in mirror mode through {@code /users}. Run 1 syncs a segment, run 2 the same segment with a few new
 * members: the audience then holds every member the engine has synced, not only the newcomers.
 */
class FacebookMirrorSyncTest {
    @TempDir
    Path dir;

    @Test
    void theSecondRunAddsTheNewcomersWithoutShrinkingTheAudience() {
        FacebookSandboxApi api = new FacebookSandboxApi("EAAB-test"::equals);
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift");
             WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults())) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 300);
            Settings meta = new Settings("crm", "facebook", Map.of("base_url", sandbox.baseUrl().toString(),
                    "access_token", Secret.of("${env:T}", "EAAB-test"), "ad_account_id", "act_42"));
            SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);

            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, 200);
            RunSummary first = engine.run(SyncFixture.project(dir, SyncFixture.segment(true),
                    SyncFixture.sync(SyncMode.MIRROR, Map.of()), meta, Optional.empty()),
                    SyncFixture.sync(SyncMode.MIRROR, Map.of()), w, Destinations.discover());
            RunRecord run1 = new RunHistory(w).find(first.runId()).orElseThrow();
            assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run1.added()).isPositive();
            int afterRun1 = api.members(run1.audienceId()).size();
            assertThat(afterRun1).isEqualTo((int) run1.added());

            SyncFixture.build(w, LocalDate.of(2026, 11, 2), 1, 212);
            RunSummary second = engine.run(SyncFixture.project(dir, SyncFixture.segment(true),
                    SyncFixture.sync(SyncMode.MIRROR, Map.of()), meta, Optional.empty()),
                    SyncFixture.sync(SyncMode.MIRROR, Map.of()), w, Destinations.discover());
            RunRecord run2 = new RunHistory(w).find(second.runId()).orElseThrow();
            assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run2.added()).as("a few newcomers").isBetween(1L, 12L);

            Set<String> audience = api.members(run2.audienceId());
            assertThat(audience).hasSize(afterRun1 + (int) run2.added());
            Set<String> synced = new HashSet<>();
            for (long key = 1; key <= 212; key++) {
                String email = key % 17 == 0 ? null : "c" + key + "@example.com";
                if (email != null && audience.contains("EMAIL:" + MetaNormalizer.sha256(email))) synced.add("c" + key);
            }
            assertThat(synced).as("run 1's members are still in the audience").contains("c1", "c2", "c3")
                    .anyMatch(k -> Integer.parseInt(k.substring(1)) > 200);
            assertThat(api.sessionLog()).allMatch(l -> l.startsWith("users "));
        }
    }

    @Test
    void fullRefreshIsRefusedBeforeItCanReplaceAnAudienceWithAnIncrement() {
        FacebookSandboxApi api = new FacebookSandboxApi("EAAB-test"::equals);
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift");
             WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults())) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 50);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, 50);
            Settings meta = new Settings("crm", "facebook", Map.of("base_url", sandbox.baseUrl().toString(),
                    "access_token", Secret.of("${env:T}", "EAAB-test"), "ad_account_id", "act_42", "full_refresh", "true"));
            SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
            Object outcome;
            try {
                outcome = engine.run(SyncFixture.project(dir, SyncFixture.segment(true),
                        SyncFixture.sync(SyncMode.ADD_ONLY, Map.of()), meta, Optional.empty()),
                        SyncFixture.sync(SyncMode.ADD_ONLY, Map.of()), w, Destinations.discover()).status();
            } catch (RuntimeException e) {
                outcome = e.getMessage();
            }
            assertThat(String.valueOf(outcome)).isNotEqualTo(RunStatus.SUCCEEDED.toString());
            assertThat(api.sessionLog()).noneMatch(l -> l.startsWith("usersreplace"));
            assertThat(api.rowsReceived()).isZero();
        }
    }
}
