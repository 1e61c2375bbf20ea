package io.seglift.measure;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs, rejects and retries per sync from {@code sync_runs}; counters missing from the table read as 0. */
public final class SyncHealthQuery {
    public static final int RECENT = 30;
    static final List<String> COUNTERS = List.of("planned", "sent", "added", "removed", "updated", "rejected",
            "retried", "held_out", "suppressed");

    private final Warehouse w;

    public SyncHealthQuery(Warehouse warehouse) {
        this.w = warehouse;
    }

    public List<SyncHealth> all() {
        if (!w.tableExists(w.own("sync_runs"))) return List.of();
        Dialect d = w.dialect();
        Set<String> present = w.columns(w.own("sync_runs")).stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        String table = d.table(w.own("sync_runs"));
        String sums = COUNTERS.stream().map(c -> d.castBigint(present.contains(c) ? "SUM(COALESCE(" + d.quote(c)
                + ", 0))" : "0") + " AS " + d.quote(c)).collect(Collectors.joining(", "));
        record Head(String sync, String segment, String destination, long runs, Map<String, Long> totals) {
        }
        List<Head> heads = w.queryList("SELECT sync_name, MIN(segment) AS segment, MIN(destination) AS destination, "
                + d.castBigint("COUNT(*)") + " AS runs, " + sums + " FROM " + table
                + " GROUP BY sync_name ORDER BY sync_name", List.of(), r -> {
            Map<String, Long> totals = new LinkedHashMap<>();
            COUNTERS.forEach(c -> totals.put(c, r.longValue(c)));
            return new Head(r.string("sync_name"), r.string("segment"), r.string("destination"), r.longValue("runs"),
                    totals);
        });
        List<SyncHealth> out = new ArrayList<>();
        for (Head h : heads) {
            Map<String, Long> statuses = new TreeMap<>();
            w.query("SELECT status, " + d.castBigint("COUNT(*)") + " AS n FROM " + table
                    + " WHERE sync_name = ? GROUP BY status", List.of(h.sync()), r -> statuses.put(
                    String.valueOf(r.string("status")), r.longValue("n")));
            List<SyncHealth.Run> recent = new ArrayList<>();
            w.query("SELECT " + d.castText("run_id") + " AS run_id, started_at, status, "
                    + counter(d, present, "sent") + ", " + counter(d, present, "rejected") + ", "
                    + counter(d, present, "retried") + " FROM " + table + " WHERE sync_name = ? ORDER BY started_at DESC"
                    + d.limit(RECENT), List.of(h.sync()), r -> recent.add(new SyncHealth.Run(r.string("run_id"),
                    r.timestamp("started_at"), r.string("status"), r.longValue("sent"), r.longValue("rejected"),
                    r.longValue("retried"))));
            Collections.reverse(recent);
            SyncHealth.Run last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
            Instant lastStarted = last == null ? null : last.startedAt();
            out.add(new SyncHealth(h.sync(), h.segment(), h.destination(), h.runs(), statuses, h.totals(),
                    lastStarted, last == null ? null : last.status(), recent));
        }
        return out;
    }

    private static String counter(Dialect d, Set<String> present, String c) {
        return d.castBigint(present.contains(c) ? "COALESCE(" + d.quote(c) + ", 0)" : "0") + " AS " + d.quote(c);
    }

}
