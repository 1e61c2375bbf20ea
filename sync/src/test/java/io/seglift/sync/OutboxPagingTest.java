package io.seglift.sync;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.MemberProfile;
import io.seglift.sync.runs.RunStatus;
import io.seglift.sync.state.SyncTables;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine joins an operation's pending rows to the member profile once, into the sync's outbox, and pages over that:
 * the profile (the scoring view over every customer in production) is not evaluated again for each batch. On DuckDB and
 * PostgreSQL (whose replace is a staging table and a rename).
 */
class OutboxPagingTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);
    private static final String MARKER = "seglift_profile_probe";
    /** The customers-only profile, tagged so the statements that evaluate it can be counted. */
    private static final MemberProfile TAGGED = (project, d, asOf) -> "SELECT q.*, 1 AS " + MARKER + " FROM ("
            + MemberProfile.customersOnly().sql(project, d, asOf) + ") q";

    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    /** What one scenario (a first fill, then a run with removes and updates) did at one batch size. */
    private record Outcome(List<Integer> profileStatements, List<Integer> batches, FakeDestination dest) {
    }

    private Outcome scenario(int batchSize) throws IOException {
        return scenario("duckdb", batchSize);
    }

    private Outcome scenario(String warehouse, int batchSize) throws IOException {
        try (Warehouse real = open(warehouse)) {
            AtomicInteger profile = new AtomicInteger();
            Warehouse w = counting(real, profile);
            SyncFixture.createTables(real);
            SyncFixture.customers(real, 1_000);
            SyncFixture.build(real, D1, 1, 1_000);
            SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("tier", "tier"));
            FakeDestination dest = new FakeDestination(Channel.CRM);
            dest.maxBatch = batchSize;
            SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), TAGGED);

            RunSummary first = engine.run(project(sync), sync, w, dest, dest.capabilities());
            int firstProfile = profile.getAndSet(0);
            int firstBatches = dest.batches.size();
            real.execute("UPDATE raw.customers SET tier = 'platinum' WHERE id % 7 = 0");
            SyncFixture.build(real, D2, 1, 1_000);
            try (BulkWriter bw = real.bulkWriter(real.own("segment_members"),
                    List.of("as_of", "segment", "customer_key", "arm", "build_id"))) {
                for (int i = 1; i <= 150; i++) bw.row(D2, "other_segment", String.valueOf(i), "holdout", "o-1");
            }
            RunSummary second = engine.run(project(sync), sync, w, dest, dest.capabilities());

            assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(second.removed()).isPositive();
            assertThat(second.updated()).isPositive();
            assertThat(outboxes(real)).as("outbox tables left").isZero();
            return new Outcome(List.of(firstProfile, profile.get()),
                    List.of(firstBatches, dest.batches.size() - firstBatches), dest);
        }
    }

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

    @Test
    void postgresSendsWhatDuckDbSendsThroughItsOutbox() throws IOException {
        Outcome postgres = scenario("postgres", 100);
        Outcome duckdb = scenario("duckdb", 100);

        assertThat(postgres.batches()).isEqualTo(duckdb.batches());
        assertThat(postgres.profileStatements()).isEqualTo(duckdb.profileStatements());
        assertThat(postgres.dest().audience).isEqualTo(duckdb.dest().audience);
        assertThat(postgres.dest().attributes).isEqualTo(duckdb.dest().attributes);
        assertThat(postgres.dest().recordIdentifier).isEqualTo(duckdb.dest().recordIdentifier);
    }

    @Test
    void theProfileIsEvaluatedOncePerOperationWhateverTheNumberOfBatches() throws IOException {
        Outcome paged = scenario(100);
        Outcome whole = scenario(2_000);

        assertThat(paged.batches().get(0)).isGreaterThanOrEqualTo(8);
        assertThat(whole.batches().get(0)).isEqualTo(1);
        assertThat(paged.profileStatements()).isEqualTo(whole.profileStatements());
        assertThat(paged.dest().audience).isEqualTo(whole.dest().audience);
        assertThat(paged.dest().attributes).isEqualTo(whole.dest().attributes);
        assertThat(paged.dest().pushesPerKey).isEqualTo(whole.dest().pushesPerKey);
    }

    @Test
    void theOutboxIsDroppedWhenARunStopsOrFailsAndAKilledRunsOutboxByTheNextRun() {
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 100);
            SyncFixture.build(w, D1, 1, 100);
            SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
            FakeDestination dest = new FakeDestination(Channel.CRM);
            AtomicInteger polls = new AtomicInteger();
            SyncEngine stopping = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { })
                    .withStopRequested(() -> polls.incrementAndGet() > 2), TAGGED);
            assertThat(stopping.run(project(sync), sync, w, dest, dest.capabilities()).status()).isEqualTo(RunStatus.STOPPED);
            assertThat(outboxes(w)).isZero();

            dest.beforePush = () -> new DestinationException("invalid_list", "the list is archived");
            SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), TAGGED);
            assertThat(engine.run(project(sync), sync, w, dest, dest.capabilities()).status()).isEqualTo(RunStatus.FAILED);
            assertThat(outboxes(w)).isZero();

            dest.beforePush = () -> null;
            assertThat(engine.run(project(sync), sync, w, dest, dest.capabilities()).status()).isEqualTo(RunStatus.SUCCEEDED);
            w.execute("CREATE TABLE " + w.dialect().table(new SyncTables(w).outbox(SyncFixture.SYNC))
                    + " AS SELECT 1 AS seglift_seq");   // left by a killed run
            RunSummary idle = engine.run(project(sync), sync, w, dest, dest.capabilities());
            assertThat(idle.plan().planned()).isZero();
            assertThat(outboxes(w)).as("a killed run's outbox, dropped by the next run").isZero();
        }
    }

    @Test
    void theOutboxOfAFreeTextSyncNameIsASafeIdentifierOfItsOwn() {
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            SyncTables tables = new SyncTables(w);
            assertThat(tables.outbox("Lapsed buyers → \"CRM\"; DROP TABLE x").table()).matches("sync_outbox_[0-9a-f]{16}");
            assertThat(tables.outbox("a")).isNotEqualTo(tables.outbox("b")).isEqualTo(tables.outbox("a"));
            assertThat(tables.outbox("a").schema()).contains("seglift");
        }
    }

    private ProjectConfig project(SyncConfig sync) {
        return SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()), Optional.empty());
    }

    private static long outboxes(Warehouse w) {
        return w.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'sync_outbox_%'");
    }

    /** {@code w}, counting the statements (in transactions too) that evaluate the tagged profile. */
    @SuppressWarnings("unchecked")
    private static Warehouse counting(Warehouse w, AtomicInteger count) {
        return (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(), new Class<?>[]{Warehouse.class},
                (proxy, method, args) -> {
                    if (args != null) {
                        for (Object a : args) if (a instanceof String s && s.contains(MARKER)) count.incrementAndGet();
                    }
                    if (method.getName().equals("transaction")) {
                        Function<Warehouse, Object> work = (Function<Warehouse, Object>) args[0];
                        return w.transaction(tx -> work.apply(counting(tx, count)));
                    }
                    if (method.getName().equals("inTransaction")) {
                        Consumer<Warehouse> work = (Consumer<Warehouse>) args[0];
                        w.inTransaction(tx -> work.accept(counting(tx, count)));
                        return null;
                    }
                    try {
                        return method.invoke(w, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
