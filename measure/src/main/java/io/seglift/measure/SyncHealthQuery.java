package io.seglift.measure;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.history.SyncActivity;
import io.seglift.sync.history.SyncHistory;

import java.util.List;

/** Runs, rejects and retries per sync, read through the engine's {@link SyncHistory}. */
public final class SyncHealthQuery {
    public static final int RECENT = 30;

    private final SyncHistory history;

    public SyncHealthQuery(Warehouse warehouse) {
        this.history = new SyncHistory(warehouse);
    }

    public List<SyncHealth> all() {
        return history.activity(RECENT).stream().map(SyncHealthQuery::health).toList();
    }

    private static SyncHealth health(SyncActivity a) {
        List<SyncHealth.Run> recent = a.recent().stream().map(r -> new SyncHealth.Run(r.runId(), r.startedAt(),
                r.status(), r.sent(), r.rejected(), r.retried(), r.matchRate())).toList();
        SyncHealth.Run last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        return new SyncHealth(a.syncName(), a.segment(), a.destination(), a.runs(), a.statuses(), a.totals(),
                last == null ? null : last.startedAt(), last == null ? null : last.status(), recent, a.matchRate());
    }
}
