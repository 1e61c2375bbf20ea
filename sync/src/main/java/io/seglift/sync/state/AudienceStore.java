package io.seglift.sync.state;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code sync_audiences}: the destination's id of each sync's audience, looked up first on the next run (a renamed
 * audience is still the sync's), and the reset of a sync's state when that audience is gone.
 */
public final class AudienceStore {
    private final Warehouse warehouse;
    private final SyncTables t;

    public AudienceStore(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.t = new SyncTables(warehouse);
    }

    /** The audience id stored for {@code syncName} in {@code destination}; empty on a first run or another destination. */
    public Optional<String> knownId(String syncName, String destination) {
        return warehouse.queryOne("SELECT audience_id FROM " + t.q(SyncTables.AUDIENCES)
                        + " WHERE sync_name = ? AND destination = ?", List.of(syncName, destination), r -> r.string("audience_id"))
                .filter(id -> !id.isBlank());
    }

    /** Stores the audience the run uses; {@code created_at} is when this id was first recorded. */
    public void record(String syncName, String destination, AudienceRef audience, Instant now) {
        Dialect d = warehouse.dialect();
        String text = d.type(ColumnType.TEXT);
        boolean sameId = knownId(syncName, destination).filter(audience.id()::equals).isPresent();
        for (String sql : d.upsert(t.name(SyncTables.AUDIENCES), List.of("sync_name"),
                List.of("destination", "audience_id", "audience_name", "updated_at"),
                "SELECT CAST(? AS " + text + "), CAST(? AS " + text + "), CAST(? AS " + text + "), CAST(? AS " + text
                        + "), CAST(? AS " + d.type(ColumnType.TIMESTAMP) + ")")) {
            warehouse.execute(sql, syncName, destination, audience.id(), audience.name(), now);
        }
        if (!sameId) {
            warehouse.execute("UPDATE " + t.q(SyncTables.AUDIENCES) + " SET created_at = ? WHERE sync_name = ?", now, syncName);
        }
    }

    /**
     * Forgets every member the sync recorded (synced or rejected): they were in an audience that no longer exists, so
     * the next plan sends the whole segment again. Returns the rows removed.
     */
    public long resetState(String syncName) {
        return warehouse.execute("DELETE FROM " + t.q(SyncTables.STATE) + " WHERE sync_name = ?", syncName);
    }
}
