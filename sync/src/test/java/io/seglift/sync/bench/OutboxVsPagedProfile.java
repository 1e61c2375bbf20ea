package io.seglift.sync.bench;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.SyncFixture;
import io.seglift.sync.plan.MemberProfile;
import io.seglift.sync.plan.MemberQueries;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import io.seglift.sync.state.SyncTables;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse side of a sync's send phase at {@code args[0]} members (default 20,000) in pages of 100, on DuckDB with
 * the scoring profile (customers and RFM scores): every page joined to the profile (the engine before the outbox) against the outbox filled once
 * and paged, alternated in one process. Run: {@code java -cp <test classpath> io.seglift.sync.bench.OutboxVsPagedProfile}.
 */
public final class OutboxVsPagedProfile {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final int BATCH = 100;
    private static final String RUN = "bench-run";

    private OutboxVsPagedProfile() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("seglift-outbox-bench");
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, members);
            SyncFixture.build(w, D1, 1, members);
            w.execute("INSERT INTO " + w.dialect().table(w.own("rfm_scores")) + " SELECT ?, CAST(i AS VARCHAR), ?,"
                    + " 10 + i % 300, 1 + i % 7, 50.0 + i % 90, 50.0, 1 + i % 5, 1 + i % 5, 1 + i % 5, 'New'"
                    + " FROM range(1, ?) t(i)", D1, D1.minusDays(10), members + 1);
            SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("tier", "tier", "recency", "recency_days"));
            ProjectConfig project = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                    new Settings("crm", "fake", Map.of()), Optional.empty());
            SyncTarget target = new SyncTarget(sync.name(), sync.segment(), sync.mode(), sync.fields(), Channel.CRM,
                    List.of(IdentifierType.EMAIL), project.sources().customers(), project.sources().suppressions());
            MemberProfile profile = ProfileView::sql;
            SyncPlanner planner = new SyncPlanner(w, target, asOf -> profile.sql(project, w.dialect(), asOf));
            Plan plan = planner.prepare(RUN);
            MemberQueries q = planner.queries();
            String perPage = perPageProfileQuery(w, target, profile.sql(project, w.dialect(), plan.segmentAsOf()));
            System.out.printf("members in segment %,d, adds %,d, pages of %d; load %.2f%n", members, plan.adds(), BATCH,
                    SideBySide.loadAverage());
            SideBySide.Result r = SideBySide.measure("send-phase reads (" + plan.adds() + " adds)", 3, () -> { },
                    () -> {
                        w.inTransaction(tx -> q.fillOutbox(RUN, Operation.ADD, plan.segmentAsOf()).forEach(tx::execute));
                        long n = pageAll(w, q.page(BATCH), List.of());
                        w.execute(q.dropOutbox());
                        return n;
                    },
                    () -> pageAll(w, perPage, List.of(RUN, "add")));
            System.out.println(r + String.format("; load %.2f", SideBySide.loadAverage()));
        }
    }

    /** Reads every page, as the engine does: keyset on the sequence number. */
    private static long pageAll(Warehouse w, String sql, List<Object> leading) {
        long last = 0;
        long rows = 0;
        while (true) {
            long[] page = {0, last};
            List<Object> params = new java.util.ArrayList<>(leading);
            params.add(last);
            w.query(sql, params, row -> {
                page[0]++;
                page[1] = Math.max(page[1], row.longValue("seglift_seq"));
            });
            if (page[0] == 0) return rows;
            rows += page[0];
            last = page[1];
        }
    }

    /** The page query of the engine before the outbox: the pending page joined to the whole profile. */
    private static String perPageProfileQuery(Warehouse w, SyncTarget target, String profile) {
        Dialect d = w.dialect();
        String inner = "SELECT seq AS seglift_seq, customer_key AS seglift_key, fingerprint AS seglift_fp,"
                + " destination_id AS seglift_dest FROM " + new SyncTables(w).q(SyncTables.PENDING)
                + " WHERE run_id = ? AND operation = ? AND seq > ? ORDER BY seq" + d.limit(BATCH);
        StringBuilder cols = new StringBuilder("x.seglift_seq, x.seglift_key, x.seglift_fp, x.seglift_dest");
        int i = 0;
        for (IdentifierType t : target.identifiers()) {
            cols.append(", ").append(d.castText("p." + d.quote(target.customers().identifiers().get(t))))
                    .append(" AS seglift_id_").append(i++);
        }
        i = 0;
        for (String expr : target.fields().values()) cols.append(", (").append(expr).append(") AS seglift_f_").append(i++);
        return "SELECT " + cols + " FROM (" + inner + ") x LEFT JOIN (" + profile + ") p ON p."
                + MemberProfile.KEY + " = x.seglift_key ORDER BY x.seglift_seq";
    }
}
