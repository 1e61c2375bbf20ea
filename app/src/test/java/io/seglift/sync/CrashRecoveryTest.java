package io.seglift.sync;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.destination.hubspot.HubSpotDestination;
import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.destination.hubspot.sandbox.HubSpotSandboxProvider;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash guarantee: the engine runs in a child JVM against a HubSpot sandbox and is killed with {@code
 * destroyForcibly} (SIGKILL) mid-run; a rerun then leaves the list equal to the treatment set, every member's outcome
 * recorded, and at most one batch re-sent.
 */
class CrashRecoveryTest {
    private static final int MEMBERS = 3_000;

    @TempDir
    Path dir;

    @Test
    void killNineMidRunThenRerunLosesNothingAndResendsAtMostTheBatchInFlight() throws Exception {
        Path db = dir.resolve("crash.duckdb");
        try (Warehouse w = open(db)) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, MEMBERS);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, MEMBERS);
        }
        try (Sandbox sandbox = new HubSpotSandboxProvider().start(SandboxOptions.defaults())) {
            HubSpotSandboxApi api = (HubSpotSandboxApi) sandbox.api();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(), dir.toString(),
                    sandbox.baseUrl().toString(), "40")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (api.listSize(HubSpotSync.LIST_NAME) < 800 && System.currentTimeMillis() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("child still running when killed; log: " + dir.resolve("child.log")).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int inListAtKill = api.listSize(HubSpotSync.LIST_NAME);
            assertThat(inListAtKill).isBetween(800, 2_400);

            try (Warehouse w = open(db)) {
                RunRecord killed = new RunHistory(w).list(SyncFixture.SYNC, 5).get(0);
                assertThat(killed.status()).isEqualTo("running");
                long committed = w.queryLong("SELECT COUNT(*) FROM seglift.sync_state WHERE sync_name = ?", SyncFixture.SYNC);
                assertThat(inListAtKill - committed).as("sent but uncommitted at the kill").isBetween(0L, (long) HubSpotDestination.MAX_BATCH);

                RunSummary rerun = new SyncEngine(EngineOptions.defaults(), ProfileView::sql).run(
                        HubSpotSync.project(dir, sandbox.baseUrl(), Optional.of(new RateLimit("default", 200, Duration.ofSeconds(1)))),
                        HubSpotSync.sync(), w, Destinations.discover());
                assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);

                List<String> treatment = w.queryList("SELECT c.email FROM seglift.segment_members m JOIN raw.customers c"
                        + " ON CAST(c.id AS VARCHAR) = m.customer_key WHERE m.arm = 'treatment' AND c.email IS NOT NULL"
                        + " AND c.id NOT IN (SELECT customer_id FROM raw.suppressions)", List.of(), r -> r.string("email"));
                List<String> inList = api.listMemberEmails(HubSpotSync.LIST_NAME);
                assertThat(inList).hasSameSizeAs(treatment);
                assertThat(new java.util.HashSet<>(inList)).isEqualTo(new java.util.HashSet<>(treatment));
                Map<String, Integer> upserts = api.upsertsByEmail();
                long resent = upserts.values().stream().filter(n -> n > 1).count();
                assertThat(resent).as("members sent twice").isLessThanOrEqualTo(HubSpotDestination.MAX_BATCH);
                assertThat(upserts.values()).allMatch(n -> n <= 2);

                assertThat(new RunHistory(w).find(killed.runId()).orElseThrow().status()).isEqualTo("abandoned");
                long withOkAdd = w.queryLong("SELECT COUNT(DISTINCT customer_key) FROM seglift.sync_results"
                        + " WHERE operation = 'add' AND status = 'ok'");
                assertThat(withOkAdd).isEqualTo(treatment.size());
                long held = w.queryLong("SELECT COUNT(*) FROM seglift.segment_members WHERE arm = 'holdout'");
                RunRecord last = new RunHistory(w).find(rerun.runId()).orElseThrow();
                assertThat(last.heldOut()).isEqualTo(held);
                assertThat(last.heldOut() + last.noIdentifier() + last.suppressed() + committed + last.added())
                        .isEqualTo(MEMBERS);
            }
        }
    }

    private static Warehouse open(Path db) {
        return DuckDbWarehouseFactory.open("jdbc:duckdb:" + db, "seglift", new io.seglift.spi.settings.Settings("w", "duckdb", Map.of()));
    }
}
