package io.seglift.sync;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync's audience id is stored and looked up first; a deleted audience is recreated and the whole segment resent. */
class AudienceRecoveryTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;
    private Warehouse w;
    private SyncEngine engine;
    private final SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
    private final FakeDestination dest = new FakeDestination(Channel.CRM);

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 60);
        SyncFixture.build(w, D1, 1, 40);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private ProjectConfig project() {
        return SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()), Optional.empty());
    }

    private RunSummary run() {
        return engine.run(project(), sync, w, dest, dest.capabilities());
    }

    @Test
    void theStoredAudienceIdIsPassedAsTheKnownIdOnTheNextRun() {
        run();
        run();
        assertThat(dest.audienceSpecs).extracting(AudienceSpec::knownId).containsExactly(null, "list-1");
        assertThat(w.queryOne("SELECT audience_id FROM seglift.sync_audiences WHERE sync_name = ?",
                java.util.List.of(SyncFixture.SYNC), r -> r.string("audience_id"))).contains("list-1");
    }

    @Test
    void aDeletedAudienceIsRecreatedTheWholeSegmentIsSentAgainAndTheRunSaysSo() {
        RunSummary first = run();
        int members = dest.audience.size();
        assertThat(members).isPositive();
        assertThat(run().plan().planned()).as("nothing to do while the audience exists").isZero();

        dest.deleteAudience();
        RunSummary refill = run();

        assertThat(refill.status()).as("the mass-change guard treats the refill as a first fill").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(refill.added()).isEqualTo(first.added());
        assertThat(dest.audience).hasSize(members);
        assertThat(dest.audienceSpecs.get(2).knownId()).isEqualTo("list-1");
        RunRecord record = new RunHistory(w).find(refill.runId()).orElseThrow();
        assertThat(record.audienceId()).isEqualTo("list-2");
        assertThat(record.warnings()).contains("list-1", "list-2", "whole segment is sent again");
        assertThat(new RunHistory(w).find(first.runId()).orElseThrow().warnings()).isNull();
        assertThat(dest.audienceSpecs).hasSize(3);
        run();
        assertThat(dest.audienceSpecs.get(3).knownId()).isEqualTo("list-2");
    }
}
