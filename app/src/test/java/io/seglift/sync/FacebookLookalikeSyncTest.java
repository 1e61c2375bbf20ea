package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.SyncConfig;
import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine with the Facebook destination and its sandbox: a sync whose destination declares {@code lookalike:}
 * creates nothing while Meta counts fewer than 100 people in the audience (and the run says so), creates the lookalike
 * once the audience has filled, never creates it twice (re-runs, a crash between create and store), and creates it
 * again with a warning when a marketer deleted it.
 */
class FacebookLookalikeSyncTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;
    private FacebookSandboxApi api;
    private WireMockSandbox sandbox;
    private Warehouse w;
    private SyncEngine engine;
    private Settings meta;
    private final SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);

    @BeforeEach
    void setUp() {
        api = new FacebookSandboxApi("EAAB-test"::equals);
        sandbox = WireMockSandbox.start(api, SandboxOptions.defaults());
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 300);
        meta = new Settings("crm", "facebook", Map.of("base_url", sandbox.baseUrl().toString(),
                "access_token", Secret.of("${env:T}", "EAAB-test"), "ad_account_id", "act_42",
                "lookalike", Map.of("ratio", "0.01", "countries", List.of("US"))));
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
        sandbox.close();
    }

    private RunSummary run(LocalDate asOf, long members) {
        SyncFixture.build(w, asOf, 1, members);
        return engine.run(SyncFixture.project(dir, SyncFixture.segment(true), sync, meta, Optional.empty()), sync, w,
                Destinations.discover());
    }

    private String warnings(RunSummary s) {
        return String.valueOf(new RunHistory(w).find(s.runId()).orElseThrow().warnings());
    }

    private String audienceId(RunSummary s) {
        return new RunHistory(w).find(s.runId()).orElseThrow().audienceId();
    }

    private Optional<String> storedLookalike() {
        return w.queryOne("SELECT value FROM seglift.sync_audience_links WHERE sync_name = ? AND link = ?",
                List.of(SyncFixture.SYNC, "facebook.lookalike"), r -> r.string("value"));
    }

    @Test
    void createdOnceAfterTheAudienceFilledAndNeverTwice() {
        RunSummary small = run(D1, 60);
        assertThat(small.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(api.members(audienceId(small)).size()).isLessThan(100);
        assertThat(warnings(small)).contains("lookalike not created yet").contains("at least 100");
        assertThat(api.lookalikesCreated()).isZero();
        assertThat(storedLookalike()).isEmpty();

        RunSummary filled = run(D1.plusDays(1), 300);
        String source = audienceId(filled);
        assertThat(api.members(source).size()).isGreaterThanOrEqualTo(100);
        assertThat(api.lookalikesCreated()).isEqualTo(1);
        String lookalike = storedLookalike().orElseThrow();
        assertThat(api.lookalikesOf(source)).containsExactly(lookalike);
        assertThat(api.audience(lookalike).path("name").asText())
                .isEqualTo("Seglift · acme · lapsed \u2013 lookalike 1% US");
        assertThat(warnings(filled)).contains("lookalike " + lookalike).contains("created");

        RunSummary next = run(D1.plusDays(2), 300);
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(api.lookalikesCreated()).as("the next run does not create it again").isEqualTo(1);
        assertThat(warnings(next)).isEqualTo("null");
    }

    @Test
    void aCrashBetweenCreateAndStoreFindsTheLookalikeByName() {
        run(D1, 300);
        String lookalike = storedLookalike().orElseThrow();
        w.execute("DELETE FROM seglift.sync_audience_links");

        RunSummary rerun = run(D1.plusDays(1), 300);
        assertThat(api.lookalikesCreated()).isEqualTo(1);
        assertThat(storedLookalike()).contains(lookalike);
        assertThat(warnings(rerun)).contains("found");
    }

    @Test
    void aDeletedLookalikeIsCreatedAgainAndTheRunSaysSo() {
        run(D1, 300);
        String first = storedLookalike().orElseThrow();
        api.delete(first);

        RunSummary after = run(D1.plusDays(1), 300);
        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(warnings(after)).contains("lookalike " + first).contains("no longer exists");
        assertThat(api.lookalikesCreated()).isEqualTo(2);
        assertThat(storedLookalike()).isPresent().get().isNotEqualTo(first);
    }
}
