package io.seglift.sync.state;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

/** Names of the sync module's tables in Seglift's schema, quoted through the warehouse's dialect. */
public final class SyncTables {
    public static final String STATE = "sync_state";
    public static final String RUNS = "sync_runs";
    public static final String RESULTS = "sync_results";
    public static final String AUDIENCES = "sync_audiences";
    /** Objects a destination derived from a sync's audience, e.g. a Facebook lookalike. */
    public static final String LINKS = "sync_audience_links";
    /** Work table: the classified segment of one run (desired set and exclusion reasons). */
    public static final String WORK = "sync_work";
    /** Work table: the diff of one run, numbered for paging. */
    public static final String PENDING = "sync_pending";
    /** Work table: the outcomes of the batch being committed. */
    public static final String BATCH = "sync_batch";

    private final Warehouse warehouse;

    public SyncTables(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public TableName name(String table) {
        return warehouse.own(table);
    }

    /** The quoted, qualified name of one of the tables above. */
    public String q(String table) {
        return warehouse.dialect().table(warehouse.own(table));
    }

    public Dialect dialect() {
        return warehouse.dialect();
    }
}
