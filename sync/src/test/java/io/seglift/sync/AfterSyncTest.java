package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.destination.SyncTotals;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's side of {@link Destination#afterSync}: called after a run that sent everything, with the links stored
 * after earlier runs; its notes become the run's warnings, its links are stored, a failure is a warning and not a
 * failed run, and links are forgotten when the audience is replaced.
 */
class AfterSyncTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;
    private Warehouse w;
    private SyncEngine engine;
    private final SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
    private final FakeDestination fake = new FakeDestination(Channel.CRM);
    private final Deriving dest = new Deriving(fake);

    /** Derives one object from the audience once it holds {@link #minimum} members, like a lookalike. */
    static final class Deriving implements Destination {
        final FakeDestination fake;
        final List<SyncTotals> calls = new ArrayList<>();
        int minimum = 30;
        int created;
        RuntimeException failure;

        Deriving(FakeDestination fake) {
            this.fake = fake;
        }

        @Override
        public void check() {
        }

        @Override
        public AudienceRef ensureAudience(AudienceSpec spec) {
            return fake.ensureAudience(spec);
        }

        @Override
        public BatchResult push(Batch batch) {
            return fake.push(batch);
        }

        @Override
        public AfterSync afterSync(AudienceRef audience, SyncTotals totals) {
            calls.add(totals);
            if (failure != null) throw failure;
            if (totals.links().containsKey("fake.derived")) return AfterSync.unchanged(totals);
            if (fake.audience.size() < minimum) {
                return new AfterSync(List.of("not derived yet: " + fake.audience.size() + " members"), totals.links());
            }
            Map<String, String> links = new LinkedHashMap<>(totals.links());
            links.put("fake.derived", "derived-" + ++created);
            return new AfterSync(List.of("derived created"), links);
        }
    }

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 80);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private RunSummary run(LocalDate asOf, long to) {
        SyncFixture.build(w, asOf, 1, to);
        ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                new Settings("crm", "fake", Map.of()), Optional.empty());
        return engine.run(project, sync, w, dest, fake.capabilities());
    }

    private String warnings(RunSummary s) {
        return String.valueOf(new RunHistory(w).find(s.runId()).orElseThrow().warnings());
    }

    private Map<String, String> stored() {
        Map<String, String> out = new LinkedHashMap<>();
        w.query("SELECT link, value FROM seglift.sync_audience_links WHERE sync_name = ?", List.of(SyncFixture.SYNC),
                r -> out.put(r.string("link"), r.string("value")));
        return out;
    }

    @Test
    void belowTheMinimumNothingIsDerivedAndTheRunSaysSoThenItIsDerivedOnceAndHandedBack() {
        RunSummary small = run(D1, 20);
        assertThat(small.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(warnings(small)).contains("not derived yet");
        assertThat(stored()).isEmpty();

        RunSummary filled = run(D1.plusDays(1), 80);
        assertThat(warnings(filled)).contains("derived created");
        assertThat(stored()).containsEntry("fake.derived", "derived-1");

        RunSummary again = run(D1.plusDays(2), 80);
        assertThat(dest.calls.get(2).links()).as("the stored link is handed back").containsEntry("fake.derived", "derived-1");
        assertThat(dest.created).as("not derived twice").isEqualTo(1);
        assertThat(warnings(again)).isEqualTo("null");
        assertThat(stored()).containsEntry("fake.derived", "derived-1");
    }

    @Test
    void aFailureAfterTheSyncIsAWarningAndTheMembersStayCommitted() {
        dest.failure = new DestinationException("2654", "Meta refused the lookalike");
        RunSummary s = run(D1, 80);
        assertThat(s.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(s.added()).isPositive();
        assertThat(warnings(s)).contains("after the sync, destination").contains("(2654)").contains("refused");
        assertThat(run(D1.plusDays(1), 80).plan().planned()).as("members were committed").isZero();
    }

    @Test
    void linksOfAReplacedAudienceAreForgotten() {
        run(D1, 80);
        assertThat(stored()).containsKey("fake.derived");
        fake.deleteAudience();
        run(D1.plusDays(1), 80);
        assertThat(dest.calls.get(1).links()).as("the new audience starts without the old one's links").isEmpty();
        assertThat(dest.created).isEqualTo(2);
        assertThat(stored()).containsEntry("fake.derived", "derived-2");
    }
}
