package io.seglift.sync.plan;

import io.seglift.config.SegliftTables;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.state.SyncTables;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a run's diff in the warehouse: classifies the latest build of the segment into {@code sync_work}, then
 * writes the operations (removes, adds, updates; numbered for paging) into {@code sync_pending}. Removes are, in mirror
 * mode, every member in the audience no longer to be sent; in add-only and upsert modes, the members of the audience
 * now in any segment's holdout (a holdout is never sent anywhere, and staying in a list means being sent to). Nothing per member
 * crosses into the JVM except five sample keys per operation.
 */
public final class SyncPlanner {
    private final Warehouse warehouse;
    private final SyncTarget target;
    private final SyncTables t;
    private final MemberQueries queries;

    /** @param profileAsOf the member profile's SELECT as of a date (see {@link MemberProfile}) */
    public SyncPlanner(Warehouse warehouse, SyncTarget target, Function<LocalDate, String> profileAsOf) {
        this.warehouse = warehouse;
        this.target = target;
        this.t = new SyncTables(warehouse);
        this.queries = new MemberQueries(warehouse, target, profileAsOf);
    }

    public MemberQueries queries() {
        return queries;
    }

    /** Checks the inputs exist and the mapped fields compile; returns the as-of date of the segment's latest build. */
    public LocalDate validate() {
        if (!warehouse.tableExists(warehouse.own(SegliftTables.SEGMENT_MEMBERS))) {
            throw new SegmentNotBuiltException("no segment has been built yet (table " + warehouse.own(SegliftTables.SEGMENT_MEMBERS)
                    + " is missing): run seglift segments build first");
        }
        LocalDate asOf = latestBuild(queries.segmentMembers());
        var builds = warehouse.own(SegliftTables.SEGMENT_BUILDS);
        if (warehouse.tableExists(builds)) {
            LocalDate recorded = latestBuild(warehouse.dialect().table(builds));
            if (recorded != null && (asOf == null || recorded.isAfter(asOf))) asOf = recorded;
        }
        if (asOf == null) {
            throw new SegmentNotBuiltException("segment " + target.segment() + " has no build yet: run seglift segments build");
        }
        if (!target.fields().isEmpty()) {
            warehouse.checkQuery(queries.fieldsCheck(asOf)).ifPresent(msg -> {
                throw new IllegalArgumentException("syncs." + target.syncName() + ".fields: a field does not compile against "
                        + "the member profile: " + msg);
            });
        }
        return asOf;
    }

    /**
     * The as-of date of the segment's latest build in {@code table}. {@code segment_builds} records builds that ended up
     * empty, which {@code segment_members} cannot show: without it, an emptied segment would keep its last members.
     */
    private LocalDate latestBuild(String table) {
        return warehouse.queryOne("SELECT MAX(as_of) AS as_of FROM " + table + " WHERE segment = ?",
                List.of(target.segment()), r -> r.date("as_of")).orElse(null);
    }

    /** Classifies and diffs for {@code runId}; the work rows stay until {@link #discard}. */
    public Plan prepare(String runId) {
        LocalDate asOf = validate();
        discard(runId);
        warehouse.inTransaction(w -> {
            w.execute(queries.insertClassified(asOf), runId, target.segment());
            w.execute(insertPending(), pendingParams(runId).toArray());
        });
        return summarize(runId, asOf);
    }

    /** Deletes state rows of members rejected earlier that are no longer to be sent; they were never in the destination. */
    public long forgetRejectedLeavers(String runId) {
        return warehouse.execute("DELETE FROM " + t.q(SyncTables.STATE) + " WHERE sync_name = ? AND status = 'rejected'"
                + " AND customer_key NOT IN (SELECT customer_key FROM " + t.q(SyncTables.WORK)
                + " WHERE run_id = ? AND reason IS NULL)", target.syncName(), runId);
    }

    /** Removes the work rows of a run. */
    public void discard(String runId) {
        for (String table : List.of(SyncTables.WORK, SyncTables.PENDING, SyncTables.BATCH)) {
            warehouse.execute("DELETE FROM " + t.q(table) + " WHERE run_id = ?", runId);
        }
    }

    /**
     * Removes the work rows of this sync's earlier runs that are no longer running (abandoned after a kill, or finished
     * without cleaning up). Call it holding the sync's lock, after marking dead runs abandoned.
     */
    public void discardLeftovers() {
        String runs = "SELECT run_id FROM " + t.q(SyncTables.RUNS) + " WHERE sync_name = ? AND status <> 'running'";
        for (String table : List.of(SyncTables.WORK, SyncTables.PENDING, SyncTables.BATCH)) {
            warehouse.execute("DELETE FROM " + t.q(table) + " WHERE run_id IN (" + runs + ")", target.syncName());
        }
    }

    private String insertPending() {
        String work = t.q(SyncTables.WORK);
        String state = t.q(SyncTables.STATE);
        StringBuilder ops = new StringBuilder();
        // sync_work holds each member once (insertClassified), so no operation needs a GROUP BY
        ops.append("SELECT 'add' AS operation, 1 AS op_order, w.customer_key, w.fingerprint,")
                .append(" CAST(NULL AS ").append(t.dialect().type(io.seglift.spi.warehouse.ColumnType.TEXT)).append(") AS destination_id FROM ")
                .append(work).append(" w LEFT JOIN ").append(state).append(" st ON st.sync_name = ? AND st.customer_key = w.customer_key")
                .append(" WHERE w.run_id = ? AND w.reason IS NULL AND st.customer_key IS NULL");
        if (target.mode() == SyncMode.UPSERT) {
            ops.append(" UNION ALL SELECT 'update', 2, w.customer_key, w.fingerprint, st.destination_id FROM ").append(work)
                    .append(" w JOIN ").append(state).append(" st ON st.sync_name = ? AND st.customer_key = w.customer_key")
                    .append(" WHERE w.run_id = ? AND w.reason IS NULL AND st.status = 'synced'")
                    .append(" AND COALESCE(st.fingerprint, '') <> COALESCE(w.fingerprint, '')");
        }
        if (target.mode() == SyncMode.MIRROR) {
            ops.append(" UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM ").append(state).append(" st")
                    .append(" WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key NOT IN (SELECT customer_key FROM ")
                    .append(work).append(" WHERE run_id = ? AND reason IS NULL)");
        }
        if (target.mode() != SyncMode.MIRROR) {
            // mirror removes every member not to be sent; the other modes keep leavers but never a holdout member
            ops.append(" UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM ").append(state).append(" st")
                    .append(" WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key IN (SELECT seglift_held FROM (")
                    .append(queries.heldOutKeys()).append(") h)");
        }
        return "INSERT INTO " + t.q(SyncTables.PENDING) + " (run_id, seq, operation, customer_key, fingerprint, destination_id)"
                + " SELECT ?, ROW_NUMBER() OVER (ORDER BY op_order, customer_key), operation, customer_key, fingerprint,"
                + " destination_id FROM (" + ops + ") d";
    }

    private List<Object> pendingParams(String runId) {
        List<Object> p = new java.util.ArrayList<>(List.of(runId, target.syncName(), runId));
        if (target.mode() == SyncMode.UPSERT) p.addAll(List.of(target.syncName(), runId));
        if (target.mode() == SyncMode.MIRROR) p.addAll(List.of(target.syncName(), runId));
        else p.add(target.syncName());
        return p;
    }

    /**
     * The diff counts rows as members, which holds while the build and the member profile have one row per key: the
     * segment builder writes each key once (tested there), and the profile is one row per key when its inputs are
     * (customers deduplicated, one RFM and one model score per key and date). A key the profile repeats would be
     * classified, sent and counted twice, so the run stops instead. Costs one count over the build's rows.
     */
    private void requireOneRowPerMember(LocalDate asOf, long classified) {
        long built = warehouse.queryLong("SELECT COUNT(*) FROM " + queries.segmentMembers() + " WHERE segment = ? AND as_of = "
                + t.dialect().dateLiteral(asOf), target.segment());
        if (built != classified) {
            throw new IllegalStateException("segment " + target.segment() + " as of " + asOf + ": its build has " + built
                    + " rows but they classify into " + classified + " rows: the member profile repeats a customer key"
                    + " (a key on several rows of rfm_scores or model_scores for that date); re-run seglift score rfm or"
                    + " seglift models score for " + asOf);
        }
    }

    private Plan summarize(String runId, LocalDate asOf) {
        String work = t.q(SyncTables.WORK);
        // one row per member in sync_work (insertClassified), so counting rows counts members
        Map<Exclusion, Long> exclusions = new EnumMap<>(Exclusion.class);
        long members = 0;
        long toSend = 0;
        for (var row : warehouse.queryList("SELECT reason, COUNT(*) AS n FROM " + work + " WHERE run_id = ? GROUP BY reason",
                List.of(runId), r -> new Object[]{r.string("reason"), r.longValue("n")})) {
            members += (Long) row[1];
            if (row[0] == null) toSend = (Long) row[1];
            else exclusions.put(Exclusion.valueOf(((String) row[0]).toUpperCase(java.util.Locale.ROOT)), (Long) row[1]);
        }
        requireOneRowPerMember(asOf, members);
        Map<String, Long> ops = new LinkedHashMap<>();
        for (var row : warehouse.queryList("SELECT operation, COUNT(*) AS n FROM " + t.q(SyncTables.PENDING)
                + " WHERE run_id = ? GROUP BY operation", List.of(runId), r -> Map.entry(r.string("operation"), r.longValue("n")))) {
            ops.put(row.getKey(), row.getValue());
        }
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (String op : ops.keySet()) {
            samples.put(op, warehouse.queryList("SELECT customer_key FROM " + t.q(SyncTables.PENDING)
                    + " WHERE run_id = ? AND operation = ? ORDER BY seq" + t.dialect().limit(5), List.of(runId, op), r -> r.string("customer_key")));
        }
        long audience = warehouse.queryLong("SELECT COUNT(*) FROM " + t.q(SyncTables.STATE)
                + " WHERE sync_name = ? AND status = 'synced'", target.syncName());
        long adds = ops.getOrDefault("add", 0L);
        long updates = ops.getOrDefault("update", 0L);
        return new Plan(asOf, members, audience, adds, ops.getOrDefault("remove", 0L), updates, Math.max(0, toSend - adds - updates),
                exclusions, samples);
    }
}
