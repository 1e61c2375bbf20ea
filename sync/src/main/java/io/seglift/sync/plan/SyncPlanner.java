package io.seglift.sync.plan;

import io.seglift.config.SegliftTables;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.state.SyncTables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a run's diff in the warehouse: classifies the latest build of the segment and diffs it against the sync's
 * state in one statement that writes only the operations (removes, adds, updates; numbered for paging) into
 * {@code sync_pending}; the classified members stream through the diff and the counts and are never written. A dry run
 * ({@link #preview}) writes nothing. Removes are, in mirror
 * mode, every member in the audience no longer to be sent; in add-only and upsert modes, the members of the audience
 * now in any segment's holdout (a holdout is never sent anywhere, and staying in a list means being sent to). Nothing per member
 * crosses into the JVM except five sample keys per operation.
 * <p>
 * A sync without {@code fields} needs only the customers' consent and identifier columns, so it is classified over the
 * customers table as it is, without the member profile's deduplication pass and score joins; the build's row count
 * proves that result (one row per member means no member's key is on two customers rows, so each met the row the
 * deduplicated profile keeps). When the counts differ, the plan is computed again over the profile, which keeps one
 * row per key or stops the run.
 */
public final class SyncPlanner {
    private final Warehouse warehouse;
    private final SyncTarget target;
    private final SyncTables t;
    private final MemberQueries queries;

    /** Keys sampled per operation. */
    private static final int SAMPLES = 5;

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

    /**
     * Diffs for {@code runId}: writes the operations into {@code sync_pending} (one statement; the classified members
     * stream through it and are never written), then counts the members by reason. The pending rows stay until
     * {@link #discard}. Over customers alone first when the sync has no fields (see the class comment); if a member's
     * key is on two customers rows, the rows are discarded and the diff is written again over the member profile.
     */
    public Plan prepare(String runId) {
        LocalDate asOf = validate();
        boolean overCustomers = target.fields().isEmpty();
        Summary summary = prepare(runId, asOf, overCustomers);
        if (overCustomers && !summary.oneRowPerMember()) summary = prepare(runId, asOf, false);
        return summary.plan(asOf);
    }

    private Summary prepare(String runId, LocalDate asOf, boolean overCustomers) {
        discard(runId);
        List<Object> params = new ArrayList<>(List.of(target.segment(), runId));
        params.addAll(operationParams());
        warehouse.execute(pendingInsert(asOf, overCustomers), params.toArray());
        Summary summary = summary(asOf, false, overCustomers);
        if (!summary.oneRowPerMember()) return summary;
        for (var row : warehouse.queryList("SELECT operation, COUNT(*) AS n FROM " + t.q(SyncTables.PENDING)
                + " WHERE run_id = ? GROUP BY operation", List.of(runId), r -> Map.entry(r.string("operation"), r.longValue("n")))) {
            summary.operations.put(row.getKey(), row.getValue());
        }
        for (String op : summary.operations.keySet()) {
            summary.samples.put(op, warehouse.queryList("SELECT customer_key FROM " + t.q(SyncTables.PENDING)
                    + " WHERE run_id = ? AND operation = ? ORDER BY seq" + t.dialect().limit(SAMPLES), List.of(runId, op),
                    r -> r.string("customer_key")));
        }
        return summary;
    }

    /**
     * The plan of a dry run, computed in one query that writes nothing: the counts by reason, the operations' counts and
     * their first keys. A killed dry run leaves no rows behind.
     */
    public Plan preview() {
        LocalDate asOf = validate();
        boolean overCustomers = target.fields().isEmpty();
        Summary summary = summary(asOf, true, overCustomers);
        if (overCustomers && !summary.oneRowPerMember()) summary = summary(asOf, true, false);
        return summary.plan(asOf);
    }

    /**
     * Deletes state rows of members rejected earlier that are no longer to be sent (as of the build {@code asOf}); they
     * were never in the destination.
     */
    public long forgetRejectedLeavers(LocalDate asOf) {
        String state = t.q(SyncTables.STATE);
        if (warehouse.queryLong("SELECT COUNT(*) FROM " + state + " WHERE sync_name = ? AND status = 'rejected'",
                target.syncName()) == 0) {
            return 0;
        }
        return warehouse.execute("DELETE FROM " + state + " WHERE sync_name = ? AND status = 'rejected'"
                + " AND customer_key NOT IN (SELECT seglift_key FROM (" + queries.classified(asOf) + ") c WHERE reason IS NULL)",
                target.syncName(), target.segment());
    }

    /** Removes the work rows of a run (a run writes {@code sync_pending} and {@code sync_batch} only). */
    public void discard(String runId) {
        for (String table : List.of(SyncTables.PENDING, SyncTables.BATCH)) {
            warehouse.execute("DELETE FROM " + t.q(table) + " WHERE run_id = ?", runId);
        }
    }

    /**
     * Removes the work rows of this sync's earlier runs that are no longer running (abandoned after a kill, or finished
     * without cleaning up), including {@code sync_work} rows that runs of earlier versions wrote. Call it holding the
     * sync's lock, after marking dead runs abandoned.
     */
    public void discardLeftovers() {
        String runs = "SELECT run_id FROM " + t.q(SyncTables.RUNS) + " WHERE sync_name = ? AND status <> 'running'";
        for (String table : List.of(SyncTables.WORK, SyncTables.PENDING, SyncTables.BATCH)) {
            warehouse.execute("DELETE FROM " + t.q(table) + " WHERE run_id IN (" + runs + ")", target.syncName());
        }
    }

    /**
     * The INSERT of a run's operations into {@code sync_pending}, numbered in paging order (removes, adds, updates; by
     * key); parameters: segment, run id, then the sync's name once per read of the state (once in mirror mode, where one
     * full join gives adds and removes; once per operation kind in the other modes).
     */
    public String pendingInsert(LocalDate asOf) {
        return pendingInsert(asOf, false);
    }

    /** {@link #pendingInsert(LocalDate)}, classifying over customers alone with {@code overCustomers} (see {@link #preview}). */
    public String pendingInsert(LocalDate asOf, boolean overCustomers) {
        return "INSERT INTO " + t.q(SyncTables.PENDING) + " (run_id, seq, operation, customer_key, fingerprint,"
                + " destination_id) " + withClassified(asOf, overCustomers) + " SELECT ?, ROW_NUMBER() OVER (ORDER BY op_order, customer_key),"
                + " operation, customer_key, fingerprint, destination_id FROM (" + operations() + ") d";
    }

    /** The dry run's single query ({@link #preview}); parameters: segment, the sync's name per read of the state (see {@link #pendingInsert(LocalDate)}), segment, sync. */
    public String previewQuery(LocalDate asOf) {
        return summarySql(asOf, true, false);
    }

    /** {@link #previewQuery(LocalDate)}, classifying over customers alone with {@code overCustomers}. */
    public String previewQuery(LocalDate asOf, boolean overCustomers) {
        return summarySql(asOf, true, overCustomers);
    }

    /**
     * The classified build as the common table {@code seglift_c}; parameter: segment. {@code overCustomers}: over the
     * customers table alone ({@link MemberQueries#classifiedOverCustomers}), trusted only when the counts show one row
     * per member.
     */
    private String withClassified(LocalDate asOf, boolean overCustomers) {
        return "WITH seglift_c AS (" + (overCustomers ? queries.classifiedOverCustomers(asOf) : queries.classified(asOf)) + ")";
    }

    /**
     * The operations over {@code seglift_c} and the sync's state: columns operation, op_order, customer_key,
     * fingerprint, destination_id; parameters {@link #operationParams()}. {@code seglift_c} holds each member once, so
     * no operation needs a GROUP BY.
     */
    private String operations() {
        String state = t.q(SyncTables.STATE);
        String text = t.dialect().type(ColumnType.TEXT);
        if (target.mode() == SyncMode.MIRROR) {
            // adds and removes from one join: members to send without a state row, synced state rows not to be sent
            return "SELECT CASE WHEN st.customer_key IS NULL THEN 'add' ELSE 'remove' END AS operation,"
                    + " CASE WHEN st.customer_key IS NULL THEN 1 ELSE 0 END AS op_order,"
                    + " COALESCE(w.seglift_key, st.customer_key) AS customer_key,"
                    + " CASE WHEN st.customer_key IS NULL THEN w.fingerprint ELSE st.fingerprint END AS fingerprint,"
                    + " st.destination_id FROM (SELECT seglift_key, fingerprint FROM seglift_c WHERE reason IS NULL) w"
                    + " FULL JOIN (SELECT customer_key, status, fingerprint, destination_id FROM " + state
                    + " WHERE sync_name = ?) st ON st.customer_key = w.seglift_key"
                    + " WHERE st.customer_key IS NULL OR (w.seglift_key IS NULL AND st.status = 'synced')";
        }
        StringBuilder ops = new StringBuilder();
        ops.append("SELECT 'add' AS operation, 1 AS op_order, w.seglift_key AS customer_key, w.fingerprint,")
                .append(" CAST(NULL AS ").append(text).append(") AS destination_id FROM seglift_c")
                .append(" w LEFT JOIN ").append(state).append(" st ON st.sync_name = ? AND st.customer_key = w.seglift_key")
                .append(" WHERE w.reason IS NULL AND st.customer_key IS NULL");
        if (target.mode() == SyncMode.UPSERT) {
            ops.append(" UNION ALL SELECT 'update', 2, w.seglift_key, w.fingerprint, st.destination_id FROM seglift_c")
                    .append(" w JOIN ").append(state).append(" st ON st.sync_name = ? AND st.customer_key = w.seglift_key")
                    .append(" WHERE w.reason IS NULL AND st.status = 'synced'")
                    .append(" AND COALESCE(st.fingerprint, '') <> COALESCE(w.fingerprint, '')");
        }
        // the other modes keep leavers but never a holdout member
        ops.append(" UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM ").append(state).append(" st")
                .append(" WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key IN (SELECT seglift_held FROM (")
                .append(queries.heldOutKeys()).append(") h)");
        return ops.toString();
    }

    /** The sync's name once per read of {@code sync_state} in {@link #operations()}. */
    private List<Object> operationParams() {
        return switch (target.mode()) {
            case MIRROR -> List.of(target.syncName());
            case UPSERT -> List.of(target.syncName(), target.syncName(), target.syncName());
            default -> List.of(target.syncName(), target.syncName());
        };
    }

    /**
     * One query for the counts: members by reason (streamed from the classification), the build's rows, the audience
     * and, with {@code operations}, each operation's count and first {@value #SAMPLES} keys in paging order. Columns:
     * kind, label, n, sample_key, sample_rank.
     */
    private Summary summary(LocalDate asOf, boolean operations, boolean overCustomers) {
        List<Object> params = new ArrayList<>(List.of(target.segment()));
        if (operations) params.addAll(operationParams());
        params.add(target.segment());
        params.add(target.syncName());
        Summary summary = new Summary();
        List<Object[]> samples = new ArrayList<>();
        for (var row : warehouse.queryList(summarySql(asOf, operations, overCustomers), params, r -> new Object[]{r.string("kind"),
                r.string("label"), r.longValue("n"), r.string("sample_key"), r.longValue("sample_rank")})) {
            String kind = (String) row[0];
            long n = (Long) row[2];
            switch (kind) {
                case "reason" -> summary.reason((String) row[1], n);
                case "built" -> summary.built = n;
                case "audience" -> summary.audience = n;
                default -> {
                    summary.operations.put((String) row[1], n);
                    samples.add(row);
                }
            }
        }
        samples.sort(java.util.Comparator.comparingLong(r -> (Long) r[4]));
        for (Object[] row : samples) summary.samples.computeIfAbsent((String) row[1], k -> new ArrayList<>()).add((String) row[3]);
        return summary;
    }

    private String summarySql(LocalDate asOf, boolean operations, boolean overCustomers) {
        String text = t.dialect().type(ColumnType.TEXT);
        String big = t.dialect().type(ColumnType.BIGINT);
        String noText = "CAST(NULL AS " + text + ")";
        String noNumber = "CAST(NULL AS " + big + ")";
        StringBuilder sql = new StringBuilder(withClassified(asOf, overCustomers));
        if (operations) {
            sql.append(", seglift_ops AS (").append(operations()).append(")");
        }
        sql.append(" SELECT 'reason' AS kind, reason AS label, COUNT(*) AS n, ").append(noText).append(" AS sample_key, ")
                .append(noNumber).append(" AS sample_rank FROM seglift_c GROUP BY reason");
        if (operations) {
            sql.append(" UNION ALL SELECT 'operation', operation, n, customer_key, seglift_rank FROM (SELECT operation, customer_key,")
                    .append(" COUNT(*) OVER (PARTITION BY operation) AS n, ROW_NUMBER() OVER (PARTITION BY operation ORDER BY")
                    .append(" customer_key) AS seglift_rank FROM seglift_ops) o WHERE seglift_rank <= ").append(SAMPLES);
        }
        sql.append(" UNION ALL SELECT 'built', ").append(noText).append(", COUNT(*), ").append(noText).append(", ").append(noNumber)
                .append(" FROM ").append(queries.segmentMembers()).append(" WHERE segment = ? AND as_of = ")
                .append(t.dialect().dateLiteral(asOf));
        sql.append(" UNION ALL SELECT 'audience', ").append(noText).append(", COUNT(*), ").append(noText).append(", ").append(noNumber)
                .append(" FROM ").append(t.q(SyncTables.STATE)).append(" WHERE sync_name = ? AND status = 'synced'");
        return sql.toString();
    }

    /** The counts a plan is made of, as the summary query returns them. */
    private final class Summary {
        final Map<Exclusion, Long> exclusions = new EnumMap<>(Exclusion.class);
        final Map<String, Long> operations = new LinkedHashMap<>();
        final Map<String, List<String>> samples = new LinkedHashMap<>();
        long members;
        long toSend;
        long built;
        long audience;

        void reason(String reason, long n) {
            members += n;
            if (reason == null) toSend = n;
            else exclusions.put(Exclusion.valueOf(reason.toUpperCase(Locale.ROOT)), n);
        }

        /** True when the build's rows classified into as many rows: no key met two rows of what it was joined to. */
        boolean oneRowPerMember() {
            return built == members;
        }

        Plan plan(LocalDate asOf) {
            requireOneRowPerMember(asOf, built, members);
            long adds = operations.getOrDefault("add", 0L);
            long updates = operations.getOrDefault("update", 0L);
            return new Plan(asOf, members, audience, adds, operations.getOrDefault("remove", 0L), updates,
                    Math.max(0, toSend - adds - updates), exclusions, samples);
        }
    }

    /**
     * The diff counts rows as members, which holds while the build and the member profile have one row per key: the
     * segment builder writes each key once (tested there), and the profile is one row per key when its inputs are
     * (customers deduplicated, one RFM and one model score per key and date). A key the profile repeats would be
     * classified, sent and counted twice, so the run stops instead. Costs one count over the build's rows.
     */
    private void requireOneRowPerMember(LocalDate asOf, long built, long classified) {
        if (built != classified) {
            throw new IllegalStateException("segment " + target.segment() + " as of " + asOf + ": its build has " + built
                    + " rows but they classify into " + classified + " rows: the member profile repeats a customer key"
                    + " (a key on several rows of rfm_scores or model_scores for that date); re-run seglift score rfm or"
                    + " seglift models score for " + asOf);
        }
    }
}
