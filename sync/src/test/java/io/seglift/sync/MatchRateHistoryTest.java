package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSize;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.destination.UploadStats;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.history.SyncActivity;
import io.seglift.sync.history.SyncHistory;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A destination's upload counts and audience size end up in the run history, a run below {@code min_match_rate}
 * carries a warning, and the daily views answer per day and sync, on DuckDB and PostgreSQL.
 */
class MatchRateHistoryTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 2);
    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @AfterAll
    static void stopPostgres() throws IOException {
        if (pg != null) pg.close();
    }

    private static Warehouse open(String engine) throws IOException {
        if (engine.equals("duckdb")) return DuckDbWarehouseFactory.inMemory("seglift");
        if (pg == null) pg = EmbeddedPostgres.builder().start();
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        Warehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift");
        w.execute("DROP SCHEMA IF EXISTS seglift CASCADE");
        w.execute("DROP SCHEMA IF EXISTS raw CASCADE");
        return w;
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void uploadCountsAudienceSizeAndTheDailyViewsComeFromTheRuns(String engine) throws IOException {
        try (Warehouse w = open(engine)) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 300);
            SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
            ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                    new Settings("crm", "fake", Map.of()), Optional.empty());
            FakeDestination fake = new FakeDestination(Channel.CRM);
            ReportingDestination dest = new ReportingDestination(fake);
            LongStream.rangeClosed(1, 60).forEach(k -> fake.rejectKeys.add(Long.toString(k)));

            SyncFixture.build(w, D1, 1, 100);
            RunSummary first = engine(D1).run(project, sync, w, dest, fake.capabilities());
            SyncFixture.build(w, D2, 1, 200);
            RunSummary second = engine(D2).run(project, sync, w, dest, fake.capabilities());

            assertThat(first.upload().received()).isEqualTo(first.sent());
            assertThat(first.upload().invalid()).isEqualTo(first.rejected()).isPositive();
            assertThat(first.matchRate().getAsDouble()).isLessThan(0.5);
            assertThat(second.matchRate().getAsDouble()).isEqualTo(1.0);

            RunHistory runs = new RunHistory(w);
            RunRecord r1 = runs.find(first.runId()).orElseThrow();
            assertThat(r1.uploadReceived()).isEqualTo(first.upload().received());
            assertThat(r1.uploadInvalid()).isEqualTo(first.upload().invalid());
            assertThat(r1.matchRate()).isCloseTo(first.matchRate().getAsDouble(), within(1e-9));
            assertThat(r1.audienceSizeLower()).isEqualTo(first.added());
            assertThat(r1.warnings()).contains("match rate", "syncs." + SyncFixture.SYNC + ".min_match_rate 50.0%");
            RunRecord r2 = runs.find(second.runId()).orElseThrow();
            assertThat(r2.warnings()).isNull();
            assertThat(r2.audienceSizeUpper()).isEqualTo(first.added() + second.added() - second.removed());

            SyncActivity activity = new SyncHistory(w).activity(5).get(0);
            assertThat(activity.recent()).extracting(SyncActivity.Run::matchRate)
                    .containsExactly(r1.matchRate(), 1.0);
            assertThat(activity.matchRate()).isCloseTo((double) (first.sent() + second.sent() - first.rejected())
                    / (first.sent() + second.sent()), within(1e-9));

            record Day(LocalDate day, long runs, long sent, long rejected, Long received, Double matchRate) {
            }
            List<Day> days = w.queryList("SELECT day, runs, sent, rejected, upload_received, match_rate FROM "
                    + w.dialect().table(w.own("sync_daily")) + " WHERE sync_name = ? ORDER BY day", List.of(SyncFixture.SYNC),
                    row -> new Day(row.date("day"), row.longValue("runs"), row.longValue("sent"),
                            row.longValue("rejected"), row.longValue("upload_received"), row.doubleValue("match_rate")));
            assertThat(days).extracting(Day::day).containsExactly(D1, D2);
            assertThat(days.get(0).sent()).isEqualTo(first.sent());
            assertThat(days.get(0).rejected()).isEqualTo(first.rejected());
            assertThat(days.get(0).matchRate()).isCloseTo(r1.matchRate(), within(1e-9));
            assertThat(days.get(1).matchRate()).isEqualTo(1.0);
            assertThat(days).extracting(Day::runs).containsExactly(1L, 1L);

            assertThat(w.queryList("SELECT day, reason, members FROM " + w.dialect().table(w.own("sync_daily_rejections"))
                            + " WHERE sync_name = ? ORDER BY day", List.of(SyncFixture.SYNC),
                    row -> row.date("day") + " " + row.string("reason") + " " + row.longValue("members")))
                    .containsExactly(D1 + " INVALID " + first.rejected());
        }
    }

    private static SyncEngine engine(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }).withClock(clock), ProfileView::sql);
    }

    /** The fake destination, reporting its rejected rows as invalid entries and its size, as Meta does. */
    private record ReportingDestination(FakeDestination fake) implements Destination {
        @Override
        public void check() {
            fake.check();
        }

        @Override
        public AudienceRef ensureAudience(AudienceSpec spec) {
            return fake.ensureAudience(spec);
        }

        @Override
        public BatchResult push(Batch batch) {
            BatchResult r = fake.push(batch);
            return BatchResult.withUpload(r.rows(), UploadStats.of(batch.size(), r.count(RowStatus.REJECTED)));
        }

        @Override
        public Optional<AudienceSize> audienceSize(AudienceRef audience) {
            return Optional.of(new AudienceSize(fake.audience.size(), fake.audience.size()));
        }
    }
}
