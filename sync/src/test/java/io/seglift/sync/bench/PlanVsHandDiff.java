package io.seglift.sync.bench;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.SyncFixture;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.PlanBaseline;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planner ({@link SyncPlanner#prepare}, mirror mode, email channel, the scoring profile) against
 * {@link PlanBaseline#emailDiff} and {@link PlanBaseline#bareExcept} on generated data in a DuckDB file:
 * {@code args[0]} members (default 10,000,000), every customer in the segment, 10% holdout, and a committed audience
 * that differs from the build by 1% leavers and 1% joiners; {@code args[1]} runs (default 3). With a third argument it
 * prints {@code EXPLAIN ANALYZE} of the classify statement instead. Run as documented in docs/benchmarks.md.
 */
public final class PlanVsHandDiff {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private PlanVsHandDiff() {
    }

    /** The bench's project: {@link SyncFixture}'s, with a mirror sync of the segment to an email destination. */
    static ProjectConfig project(Path dir) {
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        return SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()),
                Optional.empty());
    }

    /** The planner of the bench's sync (mirror, email channel, the scoring profile). */
    static SyncPlanner planner(Warehouse w, ProjectConfig project) {
        SyncTarget target = new SyncTarget(SyncFixture.SYNC, SyncFixture.SEGMENT, SyncMode.MIRROR, Map.of(), Channel.EMAIL,
                List.of(IdentifierType.EMAIL), project.sources().customers(), Optional.empty());
        return new SyncPlanner(w, target, asOf -> ProfileView.sql(project, w.dialect(), asOf));
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("seglift-plan-bench");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("bench.duckdb"), "seglift",
                new Settings("bench", "duckdb", Map.of("memory_limit", "4GB")))) {
            System.out.printf("load average at start %.2f%n", SideBySide.loadAverage());
            long t = System.nanoTime();
            generate(w, n);
            System.out.printf("generated %,d customers and members in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
            ProjectConfig project = project(dir);
            SyncPlanner planner = planner(w, project);
            if (args.length > 2) {
                explain(w, planner.queries().classified(AS_OF).replaceFirst("\\?", "'lapsed'"));
                return;
            }
            Plan[] plan = new Plan[1];
            var full = SideBySide.measure("plan vs hand diff", runs, () -> planner.discard("bench"), () -> {
                plan[0] = planner.prepare("bench");
                return plan[0].planned();
            }, () -> PlanBaseline.emailDiff(w, SyncFixture.SEGMENT, AS_OF, project.sources().customers(), SyncFixture.SYNC));
            var bare = SideBySide.measure("plan vs bare EXCEPT", runs, () -> planner.discard("bench"),
                    () -> planner.prepare("bench").planned(),
                    () -> PlanBaseline.bareExcept(w, SyncFixture.SEGMENT, AS_OF, SyncFixture.SYNC));
            System.out.printf("plan: %,d members, %,d audience, %,d adds, %,d removes%n", plan[0].members(),
                    plan[0].audience(), plan[0].adds(), plan[0].removes());
            System.out.println(full);
            System.out.println(bare);
            System.out.printf("load average at end %.2f%n", SideBySide.loadAverage());
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    static void explain(DuckDbWarehouse w, String sql) {
        System.out.println(sql);
        w.queryList("EXPLAIN ANALYZE " + sql, List.of(), r -> r.string("explain_value")).forEach(System.out::println);
    }

    /**
     * Customers 1..n as in {@link SyncFixture#customers} (no email where {@code i % 17 = 0}, no consent where
     * {@code i % 13 = 0}); the build holds every key but {@code i % 100 = 1} (leavers), holdout where {@code i % 10 = 0};
     * the synced audience is every sendable key of {@code 1..n} but {@code i % 100 = 2} (joiners).
     */
    static void generate(DuckDbWarehouse w, long n) {
        SyncFixture.createTables(w);
        w.execute("INSERT INTO raw.customers SELECT i, CASE WHEN i % 17 = 0 THEN NULL ELSE 'c' || i || '@example.com' END,"
                + " '+44207' || i, i % 13 <> 0, i % 2 = 0, i % 5 = 0, CASE WHEN i % 3 = 0 THEN 'gold' ELSE 'silver' END"
                + " FROM range(1, " + (n + 1) + ") t(i)");
        w.execute("INSERT INTO seglift.segment_members SELECT DATE '" + AS_OF + "', '" + SyncFixture.SEGMENT + "',"
                + " CAST(i AS VARCHAR), CASE WHEN i % 10 = 0 THEN 'holdout' ELSE 'treatment' END, 'b-1'"
                + " FROM range(1, " + (n + 1) + ") t(i) WHERE i % 100 <> 1");
        w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, status) SELECT '" + SyncFixture.SYNC + "',"
                + " CAST(i AS VARCHAR), 'synced' FROM range(1, " + (n + 1) + ") t(i)"
                + " WHERE i % 100 <> 2 AND i % 10 <> 0 AND i % 17 <> 0 AND i % 13 <> 0");
    }
}
