package io.seglift.sync.history;

import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunStatus;
import io.seglift.sync.state.BatchCommitter;
import io.seglift.sync.state.SyncTables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the run history ({@code sync_runs}, {@code sync_results}) for measurement. When the tables do not exist
 * nothing was ever synced: every answer is empty. Counters a table of an older version lacks read as 0.
 */
public final class SyncHistory {
    /** The per-run member counters summed in {@link SyncActivity#totals()}. */
    public static final List<String> COUNTERS = List.of("planned", "sent", "added", "removed", "updated", "rejected",
            "retried", "held_out", "suppressed");
    private static final Set<RunStatus> TROUBLED = EnumSet.of(RunStatus.FAILED, RunStatus.STOPPED, RunStatus.ABANDONED);

    private final Warehouse w;
    private final Dialect d;
    private final SyncTables t;

    public SyncHistory(Warehouse warehouse) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.t = new SyncTables(warehouse);
    }

    /** Runs of any sync of {@code segment}, with the first and latest start. */
    public SegmentActivation activation(String segment) {
        if (!w.tableExists(t.name(SyncTables.RUNS))) return SegmentActivation.NEVER;
        return w.queryOne("SELECT " + d.castBigint("COUNT(*)") + " AS runs, MIN(started_at) AS first_sync,"
                        + " MAX(started_at) AS last_sync FROM " + t.q(SyncTables.RUNS) + " WHERE segment = ?", List.of(segment),
                r -> new SegmentActivation(r.longValue("runs"), r.timestamp("first_sync"), r.timestamp("last_sync")))
                .orElse(SegmentActivation.NEVER);
    }

    /** Every sync with runs, by name, each with its latest {@code recent} runs. */
    public List<SyncActivity> activity(int recent) {
        if (!w.tableExists(t.name(SyncTables.RUNS))) return List.of();
        Set<String> present = w.columns(t.name(SyncTables.RUNS)).stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String table = t.q(SyncTables.RUNS);
        String sums = COUNTERS.stream().map(c -> d.castBigint(present.contains(c) ? "SUM(COALESCE(" + d.quote(c)
                + ", 0))" : "0") + " AS " + d.quote(c)).collect(Collectors.joining(", "));
        String uploads = upload(present, "SUM", "upload_received") + ", " + upload(present, "SUM", "upload_invalid");
        record Head(String sync, String segment, String destination, long runs, Map<String, Long> totals,
                    Double matchRate) {
        }
        List<Head> heads = w.queryList("SELECT sync_name, MIN(segment) AS segment, MIN(destination) AS destination, "
                + d.castBigint("COUNT(*)") + " AS runs, " + sums + ", " + uploads + " FROM " + table
                + " GROUP BY sync_name ORDER BY sync_name", List.of(), r -> {
            Map<String, Long> totals = new LinkedHashMap<>();
            COUNTERS.forEach(c -> totals.put(c, r.longValue(c)));
            return new Head(r.string("sync_name"), r.string("segment"), r.string("destination"), r.longValue("runs"),
                    totals, RunHistory.matchRate(r.longValue("upload_received"), r.longValue("upload_invalid")));
        });
        List<SyncActivity> out = new ArrayList<>();
        for (Head h : heads) {
            Map<String, Long> statuses = new TreeMap<>();
            w.query("SELECT status, " + d.castBigint("COUNT(*)") + " AS n FROM " + table
                    + " WHERE sync_name = ? GROUP BY status", List.of(h.sync()), r -> statuses.put(
                    String.valueOf(r.string("status")), r.longValue("n")));
            List<SyncActivity.Run> runs = new ArrayList<>();
            w.query("SELECT " + d.castText("run_id") + " AS run_id, started_at, status, "
                    + counter(present, "sent") + ", " + counter(present, "rejected") + ", "
                    + counter(present, "retried") + ", " + upload(present, "", "upload_received") + ", "
                    + upload(present, "", "upload_invalid") + " FROM " + table + " WHERE sync_name = ? ORDER BY started_at DESC"
                    + d.limit(recent), List.of(h.sync()), r -> runs.add(new SyncActivity.Run(r.string("run_id"),
                    r.timestamp("started_at"), r.string("status"), r.longValue("sent"), r.longValue("rejected"),
                    r.longValue("retried"), RunHistory.matchRate(r.longValue("upload_received"),
                    r.longValue("upload_invalid")))));
            Collections.reverse(runs);
            out.add(new SyncActivity(h.sync(), h.segment(), h.destination(), h.runs(), statuses, h.totals(), runs,
                    h.matchRate()));
        }
        return out;
    }

    /**
     * A SELECT of the keys (column {@code customer_key}, text) any sync of a segment ever added successfully, so a
     * member sent and later removed still counts as exposed; it takes one parameter, the segment. Empty when the run
     * history does not exist.
     */
    public Optional<String> keysEverAddedSql() {
        if (!w.tableExists(t.name(SyncTables.RESULTS)) || !w.tableExists(t.name(SyncTables.RUNS))) {
            return Optional.empty();
        }
        return Optional.of("SELECT DISTINCT " + d.castText("res.customer_key") + " AS customer_key FROM "
                + t.q(SyncTables.RESULTS) + " res JOIN " + t.q(SyncTables.RUNS) + " r ON r.run_id = res.run_id"
                + " WHERE r.segment = ? AND res.operation = " + d.literal(BatchCommitter.op(Operation.ADD))
                + " AND res.status = " + d.literal(BatchCommitter.status(RowStatus.OK)));
    }

    /**
     * Whether a run status code means the run did not finish its work (failed, stopped, abandoned); a code the engine
     * does not write counts as troubled, a missing one does not.
     */
    public static boolean troubled(String status) {
        if (status == null || status.equals("null")) return false;
        for (RunStatus s : RunStatus.values()) {
            if (s.code().equalsIgnoreCase(status)) return TROUBLED.contains(s);
        }
        return true;
    }

    /** An upload count column, through {@code aggregate} (or none when empty); NULL when the table lacks it. */
    private String upload(Set<String> present, String aggregate, String c) {
        return d.castBigint(present.contains(c) ? aggregate + "(" + d.quote(c) + ")" : "NULL") + " AS " + d.quote(c);
    }

    private String counter(Set<String> present, String c) {
        return d.castBigint(present.contains(c) ? "COALESCE(" + d.quote(c) + ", 0)" : "0") + " AS " + d.quote(c);
    }
}
