package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.Plan;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift plan} (a dry run) computes the plan the run then carries out, without writing a row anywhere. */
class DryRunPlanTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);
    private static final Set<String> WRITES = Set.of("execute", "transaction", "inTransaction", "bulkWriter", "loadFile");

    @TempDir
    Path dir;
    private Warehouse w;
    private final List<String> writes = new ArrayList<>();
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 200);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    /** The warehouse, recording every call that can write (the plan must make none). */
    private Warehouse recording() {
        return (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(), new Class<?>[]{Warehouse.class},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) writes.add(method.getName() + ": " + (args == null ? "" : args[0]));
                    try {
                        return method.invoke(w, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest
    @EnumSource(SyncMode.class)
    void aDryRunWritesNothingAndPlansExactlyWhatTheRunThenDoes(SyncMode mode) {
        SyncFixture.build(w, D1, 1, 50);
        SyncFixture.suppress(w, 3);
        SyncConfig sync = SyncFixture.sync(mode, mode == SyncMode.UPSERT ? Map.of("seglift_tier", "upper(tier)") : Map.of())
                .withChangeLimits(ChangeLimits.UNLIMITED);
        ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()),
                Optional.empty());
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project, sync, w, dest, dest.capabilities());
        // next build: 1..4 left (1 into another segment's holdout), 51..60 joined, 6 revoked consent, 7 and 8 changed tier
        SyncFixture.build(w, D2, 5, 60);
        w.execute("INSERT INTO seglift.segment_members (as_of, segment, customer_key, arm, build_id) VALUES "
                + "(?, 'other_segment', '1', 'holdout', 'o-1'), (?, 'other_segment', '21', 'holdout', 'o-1')", D2, D2);
        w.execute("UPDATE raw.customers SET email_ok = FALSE WHERE id = 6");
        w.execute("UPDATE raw.customers SET tier = 'platinum' WHERE id IN (7, 8)");

        Plan dryRun = engine.plan(project, sync, recording(), dest.capabilities());

        assertThat(writes).isEmpty();
        for (String table : List.of("sync_work", "sync_pending", "sync_batch")) {
            assertThat(w.queryLong("SELECT COUNT(*) FROM seglift." + table)).as(table).isZero();
        }
        assertThat(dryRun.adds()).isPositive();
        assertThat(dryRun.removes()).isPositive();
        assertThat(dryRun.updates()).isEqualTo(mode == SyncMode.UPSERT ? 2 : 0);
        assertThat(dryRun.samples().get("add")).hasSize(5).isSorted();
        Plan run = engine.run(project, sync, w, dest, dest.capabilities()).plan();
        assertThat(run).isEqualTo(dryRun);
    }
}
