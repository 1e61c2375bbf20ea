package io.seglift.measure;

import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;

/**
 * Whether a segment was ever sent: only segments with at least one sync run are measured.
 *
 * @param runs      sync runs recorded for the segment
 * @param firstSync start of the first run, null if none
 * @param lastSync  start of the latest run, null if none
 */
public record Activation(long runs, Instant firstSync, Instant lastSync) {

    public boolean activated() {
        return runs > 0;
    }

    /** Reads {@code sync_runs}; no table means nothing was ever synced. */
    public static Activation of(Warehouse w, String segment) {
        if (!w.tableExists(w.own("sync_runs"))) return new Activation(0, null, null);
        return w.queryOne("SELECT COUNT(*) AS runs, MIN(started_at) AS first_sync, MAX(started_at) AS last_sync FROM "
                        + w.dialect().table(w.own("sync_runs")) + " WHERE segment = ?", List.of(segment),
                r -> new Activation(r.longValue("runs"), r.timestamp("first_sync"), r.timestamp("last_sync")))
                .orElse(new Activation(0, null, null));
    }
}
