package io.seglift.sync.bench;

import io.seglift.config.ProjectConfig;
import io.seglift.spi.settings.Settings;
import io.seglift.sync.SyncFixture;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.PlanBaseline;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dry run's plan of a sync without fields ({@link SyncPlanner#preview}: classified over the customers table, proven
 * by the build's row count) against the same query over the member profile (the planner before, and its fallback), and
 * against {@link PlanBaseline#emailDiff}, alternated in one process on the data of {@link PlanVsHandDiff}:
 * {@code args[0]} members (default 1,000,000), {@code args[1]} runs (default 3).
 */
public final class PlanOverCustomersVsProfile {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private PlanOverCustomersVsProfile() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("seglift-plan-bench");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("bench.duckdb"), "seglift",
                new Settings("bench", "duckdb", Map.of("memory_limit", "4GB")))) {
            System.out.printf("load average at start %.2f%n", SideBySide.loadAverage());
            PlanVsHandDiff.generate(w, n);
            ProjectConfig project = PlanVsHandDiff.project(dir);
            SyncPlanner planner = PlanVsHandDiff.planner(w, project);
            String overProfile = planner.previewQuery(AS_OF, false);
            List<Object> params = List.of(SyncFixture.SEGMENT, SyncFixture.SYNC, SyncFixture.SYNC, SyncFixture.SEGMENT,
                    SyncFixture.SYNC);
            Plan[] plan = new Plan[1];
            var profile = SideBySide.measure("plan over customers vs over the profile", runs, () -> { }, () -> {
                plan[0] = planner.preview();
                return plan[0].planned();
            }, () -> w.queryList(overProfile, params, r -> r.longValue("n")).size());
            var hand = SideBySide.measure("plan over customers vs hand diff", runs, () -> { }, () -> planner.preview().planned(),
                    () -> PlanBaseline.emailDiff(w, SyncFixture.SEGMENT, AS_OF, project.sources().customers(), SyncFixture.SYNC));
            System.out.printf("plan: %,d members, %,d adds, %,d removes%n", plan[0].members(), plan[0].adds(), plan[0].removes());
            System.out.println(profile);
            System.out.println(hand);
            System.out.printf("load average at end %.2f%n", SideBySide.loadAverage());
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }
}
