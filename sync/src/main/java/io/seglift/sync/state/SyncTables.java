package io.seglift.sync.state;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names of the sync module's tables in Seglift's schema, quoted through the warehouse's dialect. */
public final class SyncTables {
    public static final String STATE = "sync_state";
    public static final String RUNS = "sync_runs";
    public static final String RESULTS = "sync_results";
    public static final String AUDIENCES = "sync_audiences";
    /** Objects a destination derived from a sync's audience, e.g. a Facebook lookalike. */
    public static final String LINKS = "sync_audience_links";
    /**
     * Work table that earlier versions filled with the classified segment of a run; no longer written (the
     * classification streams into the diff), only cleared of rows a killed earlier-version run left.
     */
    public static final String WORK = "sync_work";
    /** Work table: the diff of one run, numbered for paging. */
    public static final String PENDING = "sync_pending";
    /** Work table: the outcomes of the batch being committed. */
    public static final String BATCH = "sync_batch";
    /** Prefix of the work table holding one operation's pending rows of a run with their identifiers and fields. */
    public static final String OUTBOX_PREFIX = "sync_outbox_";

    private final Warehouse warehouse;

    public SyncTables(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public TableName name(String table) {
        return warehouse.own(table);
    }

    /**
     * The outbox of a sync: {@value #OUTBOX_PREFIX} and the first 16 hex digits of the SHA-256 of the sync's name, so a
     * free-text name gives a safe identifier; one per sync, as the sync lock allows one run of a sync at a time.
     */
    public TableName outbox(String syncName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(syncName.getBytes(StandardCharsets.UTF_8));
            return warehouse.own(OUTBOX_PREFIX + HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The quoted, qualified name of one of the tables above. */
    public String q(String table) {
        return warehouse.dialect().table(warehouse.own(table));
    }

    public Dialect dialect() {
        return warehouse.dialect();
    }
}
