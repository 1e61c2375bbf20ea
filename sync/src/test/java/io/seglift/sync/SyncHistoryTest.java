package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.history.SegmentActivation;
import io.seglift.sync.history.SyncActivity;
import io.seglift.sync.history.SyncHistory;
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

class SyncHistoryTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);

    @TempDir
    Path dir;
    private Warehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void withoutRunTablesNothingWasEverSynced() {
        SyncHistory history = new SyncHistory(w);
        assertThat(history.activation(SyncFixture.SEGMENT)).isEqualTo(SegmentActivation.NEVER);
        assertThat(history.activity(30)).isEmpty();
        assertThat(history.keysEverAddedSql()).isEmpty();
    }

    @Test
    void activationHealthAndKeysEverAddedComeFromTheRuns() {
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 200);
        // the second build halves the audience on purpose: run as an operator who allowed it
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                new Settings("crm", "fake", Map.of()), Optional.empty());
        SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        SyncFixture.build(w, D1, 1, 100);
        engine.run(project, sync, w, dest, dest.capabilities());
        SyncFixture.build(w, D2, 1, 50);
        RunSummary second = engine.run(project, sync, w, dest, dest.capabilities());
        assertThat(second.removed()).isPositive();

        SyncHistory history = new SyncHistory(w);
        SegmentActivation a = history.activation(SyncFixture.SEGMENT);
        assertThat(a.runs()).isEqualTo(2);
        assertThat(a.firstSync()).isBeforeOrEqualTo(a.lastSync());
        assertThat(history.activation("never_synced")).isEqualTo(new SegmentActivation(0, null, null));

        List<SyncActivity> activity = history.activity(1);
        assertThat(activity).singleElement().satisfies(s -> {
            assertThat(s.syncName()).isEqualTo(SyncFixture.SYNC);
            assertThat(s.segment()).isEqualTo(SyncFixture.SEGMENT);
            assertThat(s.runs()).isEqualTo(2);
            assertThat(s.statuses()).containsExactly(Map.entry(RunStatus.SUCCEEDED.code(), 2L));
            assertThat(s.totals()).containsEntry("added", 85L).containsEntry("removed", second.removed())
                    .containsEntry("held_out", 15L).containsKeys(SyncHistory.COUNTERS.toArray(String[]::new));
            assertThat(s.recent()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(second.runId()));
        });

        String everAdded = history.keysEverAddedSql().orElseThrow();
        assertThat(w.queryLong("SELECT COUNT(*) FROM (" + everAdded + ") x", SyncFixture.SEGMENT)).isEqualTo(85);
        assertThat(w.queryLong("SELECT COUNT(*) FROM (" + everAdded + ") x", "other")).isZero();
    }

    @Test
    void runsThatDidNotFinishTheirWorkAreTroubled() {
        assertThat(SyncHistory.troubled(RunStatus.FAILED.code())).isTrue();
        assertThat(SyncHistory.troubled(RunStatus.STOPPED.code())).isTrue();
        assertThat(SyncHistory.troubled(RunStatus.ABANDONED.code())).isTrue();
        assertThat(SyncHistory.troubled("error")).isTrue();
        assertThat(SyncHistory.troubled(RunStatus.SUCCEEDED.code())).isFalse();
        assertThat(SyncHistory.troubled(RunStatus.PARTIAL.code())).isFalse();
        assertThat(SyncHistory.troubled(RunStatus.RUNNING.code())).isFalse();
        assertThat(SyncHistory.troubled(null)).isFalse();
    }
}
