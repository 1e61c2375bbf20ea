package io.seglift.measure;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.history.SegmentActivation;
import io.seglift.sync.history.SyncHistory;

import java.time.Instant;

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

    /** Reads the engine's run history; no history means nothing was ever synced. */
    public static Activation of(Warehouse w, String segment) {
        SegmentActivation a = new SyncHistory(w).activation(segment);
        return new Activation(a.runs(), a.firstSync(), a.lastSync());
    }
}
