package io.seglift.sync.state;

import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync_audience_links}: what a destination derived from a sync's audience ({@link AfterSync#links()}), handed
 * back to it after the next run and forgotten when the audience is replaced.
 */
public final class AudienceLinks {
    private final Warehouse warehouse;
    private final SyncTables t;

    public AudienceLinks(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.t = new SyncTables(warehouse);
    }

    /** The links stored for {@code syncName}'s audience {@code audienceId}; links of another audience are not returned. */
    public Map<String, String> of(String syncName, String audienceId) {
        Map<String, String> out = new LinkedHashMap<>();
        warehouse.query("SELECT link, value FROM " + t.q(SyncTables.LINKS) + " WHERE sync_name = ? AND audience_id = ?"
                + " ORDER BY link", List.of(syncName, audienceId), r -> out.put(r.string("link"), r.string("value")));
        return out;
    }

    /** Replaces the sync's links with {@code links}. */
    public void replace(String syncName, String destination, String audienceId, Map<String, String> links, Instant now) {
        forget(syncName);
        for (var e : links.entrySet()) {
            warehouse.execute("INSERT INTO " + t.q(SyncTables.LINKS) + " (sync_name, link, destination, audience_id, value,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?)", syncName, e.getKey(), destination, audienceId, e.getValue(), now);
        }
    }

    /** Forgets every link of the sync (its audience was replaced, so what derived from the old one is not its own). */
    public long forget(String syncName) {
        return warehouse.execute("DELETE FROM " + t.q(SyncTables.LINKS) + " WHERE sync_name = ?", syncName);
    }
}
