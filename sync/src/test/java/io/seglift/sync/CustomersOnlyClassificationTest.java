package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import io.seglift.sync.runs.RunHistory;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync without {@code fields} is planned over the customers table alone (no deduplication pass, no score joins),
 * and falls back to the member profile when a member's key is on two customers rows; on DuckDB and PostgreSQL.
 */
class CustomersOnlyClassificationTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;
    private Warehouse w;
    private SyncEngine engine;
    private final List<String> queries = new ArrayList<>();

    private static EmbeddedPostgres pg;

    @AfterAll
    static void stopPostgres() throws IOException {
        if (pg != null) pg.close();
    }

    /** Opens the named warehouse with customers 1..100. */
    private void open(String warehouse) throws IOException {
        if (warehouse.equals("duckdb")) {
            w = DuckDbWarehouseFactory.inMemory("seglift");
        } else {
            if (pg == null) pg = EmbeddedPostgres.builder().start();
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift");
            w.execute("DROP SCHEMA IF EXISTS seglift CASCADE");
            w.execute("DROP SCHEMA IF EXISTS raw CASCADE");
        }
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 100);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        if (w != null) w.close();
    }

    private ProjectConfig project(SyncConfig sync) {
        return SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()), Optional.empty());
    }

    /** The warehouse, recording the SQL of every call. */
    private Warehouse recording() {
        return (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(), new Class<?>[]{Warehouse.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql) queries.add(sql);
                    try {
                        return method.invoke(w, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<String> classifications() {
        return queries.stream().filter(q -> q.contains("seglift_c AS")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void aSyncWithoutFieldsIsPlannedOnceOverCustomersWithoutReadingScores(String warehouse) throws IOException {
        open(warehouse);
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());

        Plan plan = engine.plan(project(sync), sync, recording(), new FakeDestination(Channel.CRM).capabilities());

        assertThat(classifications()).hasSize(1);
        assertThat(classifications().get(0)).doesNotContain("rfm_scores").doesNotContain("HAVING COUNT(*) > 1");
        assertThat(plan.members()).isEqualTo(50);
        assertThat(plan.adds()).isEqualTo(50 - 5 - 2);   // 5 held out, 17 and 34 without email
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void aMembersKeyOnTwoCustomersRowsIsPlannedOverTheDeduplicatedProfile(String warehouse) throws IOException {
        open(warehouse);
        // key 7 on two rows with different emails, key 8 on two identical rows
        w.execute("INSERT INTO raw.customers VALUES (7, 'other7@example.com', '+442070000007', TRUE, FALSE, FALSE, 'silver')");
        w.execute("INSERT INTO raw.customers VALUES (8, 'c8@example.com', '+442070000008', TRUE, TRUE, FALSE, 'silver')");
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);

        Plan plan = engine.plan(project(sync), sync, recording(), dest.capabilities());

        assertThat(classifications()).hasSize(2);
        assertThat(classifications().get(1)).contains("HAVING COUNT(*) > 1");
        assertThat(plan.members()).isEqualTo(50);
        assertThat(plan.adds()).isEqualTo(50 - 5 - 2);
        assertThat(engine.run(project(sync), sync, w, dest, dest.capabilities()).plan()).isEqualTo(plan);
        String kept = w.queryOne("SELECT email FROM (" + new Customers(project(sync).sources().customers(), w.dialect()).rows()
                + ") c WHERE " + Customers.KEY + " = '7'", List.of(), r -> r.string("email")).orElseThrow();
        assertThat(dest.recordIdentifier).containsEntry("id-7", kept);
        assertThat(dest.pushesPerKey).containsEntry("7", 1).containsEntry("8", 1);
        assertThat(dest.pushesPerKey.values()).containsOnly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void aKeyTheScoresRepeatIsSentOnceBySyncWithoutFields(String warehouse) throws IOException {
        open(warehouse);
        SyncFixture.build(w, D1, 1, 20);
        String rfm = w.dialect().table(w.own("rfm_scores"));
        for (int copy = 0; copy < 2; copy++) {
            w.execute("INSERT INTO " + rfm + " VALUES (?, '7', ?, 10, 1, 50.0, 50.0, 5, 1, 1, 'New')", D1, D1.minusDays(10));
        }
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        FakeDestination dest = new FakeDestination(Channel.CRM);

        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.plan().members()).isEqualTo(20);
        assertThat(dest.audience).contains("7");
        assertThat(dest.pushesPerKey.values()).containsOnly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void pendingRowsOfARunKilledAfterTheCustomersOnlyDiffAreNeverSent(String warehouse) throws IOException {
        open(warehouse);
        w.execute("INSERT INTO raw.customers VALUES (9, 'other9@example.com', '+442070000009', TRUE, FALSE, FALSE, 'gold')");
        SyncFixture.build(w, D1, 1, 50);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        ProjectConfig project = project(sync);
        // what a run killed right after the diff over customers leaves: its pending rows (key 9 twice) and "running"
        w.execute("INSERT INTO seglift.sync_runs (run_id, sync_name, status) VALUES ('dead-1', ?, 'running')", SyncFixture.SYNC);
        SyncTarget target = new SyncTarget(SyncFixture.SYNC, SyncFixture.SEGMENT, SyncMode.MIRROR, Map.of(), Channel.EMAIL,
                List.of(IdentifierType.EMAIL), project.sources().customers(), Optional.empty());
        SyncPlanner planner = new SyncPlanner(w, target, asOf -> ProfileView.sql(project, w.dialect(), asOf));
        w.execute(planner.pendingInsert(D1, true), SyncFixture.SEGMENT, "dead-1", SyncFixture.SYNC);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_pending WHERE run_id = 'dead-1' AND customer_key = '9'"))
                .isEqualTo(2);
        FakeDestination dest = new FakeDestination(Channel.CRM);

        RunSummary s = engine.run(project, sync, w, dest, dest.capabilities());

        assertThat(new RunHistory(w).find("dead-1").orElseThrow().status()).isEqualTo("abandoned");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_pending WHERE run_id = 'dead-1'")).isZero();
        assertThat(s.plan().members()).isEqualTo(50);
        assertThat(dest.pushesPerKey).containsEntry("9", 1);
        assertThat(dest.pushesPerKey.values()).containsOnly(1);
    }
}
