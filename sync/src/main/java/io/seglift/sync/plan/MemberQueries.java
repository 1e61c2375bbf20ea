package io.seglift.sync.plan;

import io.seglift.config.SegliftTables;
import io.seglift.config.eligibility.ChannelEligibility;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.state.BatchCommitter;
import io.seglift.sync.state.SyncTables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the planner's SQL through the dialect: the classification of the latest segment build (exclusion reason and
 * fingerprint of mapped fields per member, streamed into the diff), and the outbox that holds one operation of the diff
 * with its identifiers and mapped fields, read a batch at a time. Both read the member profile the application passes
 * in ({@link MemberProfile}) as of the build's date, so {@code fields} see what segment rules see: customers, RFM and
 * model columns.
 */
public final class MemberQueries {
    private final Warehouse warehouse;
    private final Dialect d;
    private final SyncTarget target;
    private final SyncTables tables;
    private final Function<LocalDate, String> profileAsOf;
    private final ChannelEligibility eligibility;

    /**
     * @param profileAsOf the SELECT of the member profile as of a date; it has the customers' columns and
     *                    {@value MemberProfile#KEY}
     */
    public MemberQueries(Warehouse warehouse, SyncTarget target, Function<LocalDate, String> profileAsOf) {
        this.warehouse = warehouse;
        this.d = warehouse.dialect();
        this.target = target;
        this.tables = new SyncTables(warehouse);
        this.profileAsOf = profileAsOf;
        this.eligibility = new ChannelEligibility(d, "p", target.customers());
    }

    /** The member profile as of {@code asOf}, parenthesised; alias it {@code p}. */
    private String profile(LocalDate asOf) {
        return "(" + profileAsOf.apply(asOf) + ")";
    }

    private static String profileKey() {
        return "p." + MemberProfile.KEY;
    }

    /** The table holding segment builds. */
    public String segmentMembers() {
        return d.table(warehouse.own(SegliftTables.SEGMENT_MEMBERS));
    }

    /**
     * The classified build made as of {@code asOf} (the segment's latest, which may be empty): a SELECT of
     * {@code seglift_key}, {@code reason} and {@code fingerprint}; parameter: segment. A member's reason is the first rule
     * it fails (held out, suppressed, no consent, no identifier), NULL when it is to be sent; one row per member, as the
     * build holds each key once. Held out means in the holdout of this segment or of the latest build of any other
     * segment: a holdout is never sent anywhere, so overlapping campaigns cannot contaminate a control group. The
     * planner streams it into the diff and the counts; it is never written per member.
     */
    public String classified(LocalDate asOf) {
        return classified(asOf, profile(asOf));
    }

    /**
     * {@link #classified(LocalDate)} over the customers table as it is instead of the member profile: no pass to
     * deduplicate customers and no join of scores. Only for a sync without {@code fields} (consent and identifiers are
     * customers' columns), and only trusted when it classifies the build into as many rows as the build has: the build
     * holds each key once, so equal counts prove no member's key is on two customers rows, and then every member
     * meets the same row the deduplicated profile keeps for it.
     */
    public String classifiedOverCustomers(LocalDate asOf) {
        if (!target.fields().isEmpty()) {
            throw new IllegalStateException("sync " + target.syncName() + " maps fields, which read the member profile");
        }
        return classified(asOf, "(" + MemberProfile.customersTable(target.customers(), d) + ")");
    }

    private String classified(LocalDate asOf, String profile) {
        String sm = segmentMembers();
        // one row per key: the segment builder writes each key once per build (SegmentBuilder's DISTINCT)
        String members = "(SELECT sm.customer_key AS seglift_key, sm.arm AS seglift_arm FROM " + sm
                + " sm WHERE sm.segment = ? AND sm.as_of = " + d.dateLiteral(asOf) + ")";
        String suppressed = target.suppressions()
                .map(s -> " LEFT JOIN (SELECT DISTINCT " + d.castText(d.quote(s.customer())) + " AS seglift_suppressed FROM "
                        + d.table(s.table()) + ") s ON s.seglift_suppressed = m.seglift_key")
                .orElse("");
        String suppressedTest = target.suppressions().isPresent() ? "s.seglift_suppressed IS NOT NULL" : "1 = 0";
        // this segment's own holdout is the member's arm: only other segments' holdouts need a join
        String heldOutAnywhere = " LEFT JOIN (" + heldOutKeys(Optional.of(target.segment())) + ") h ON h.seglift_held = m.seglift_key";
        String reason = "CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN '"
                + Exclusion.HELD_OUT.code() + "'"
                + " WHEN " + suppressedTest + " THEN '" + Exclusion.SUPPRESSED.code() + "'"
                + " WHEN NOT (" + consent() + ") THEN '" + Exclusion.NO_CONSENT.code() + "'"
                + " WHEN NOT (" + hasIdentifier() + ") THEN '" + Exclusion.NO_IDENTIFIER.code() + "'"
                + " ELSE NULL END";
        return "SELECT m.seglift_key, " + reason + " AS reason, " + fingerprint() + " AS fingerprint FROM " + members
                + " m LEFT JOIN " + profile + " p ON " + profileKey() + " = m.seglift_key" + heldOutAnywhere + suppressed;
    }

    /**
     * The keys (column {@code seglift_held}) in the holdout of the latest build of any segment: never sent anywhere,
     * and removed from the audience in every mode.
     */
    public String heldOutKeys() {
        return heldOutKeys(Optional.empty());
    }

    /**
     * {@link #heldOutKeys()} of every segment but {@code except}. The classification of a build joins only other
     * segments' holdouts: its own segment's latest build is the build classified (the planner classifies the latest), whose
     * holdout is each member's arm. Skipping it spares a pass over the build's rows for the latest date and a DISTINCT
     * of its holdout, and when no other segment has a holdout the join's build side is empty.
     */
    String heldOutKeys(Optional<String> except) {
        String sm = segmentMembers();
        String other = except.map(s -> " AND h.segment <> " + d.literal(s)).orElse("");
        return "SELECT DISTINCT " + d.castText("h.customer_key") + " AS seglift_held FROM " + sm
                + " h WHERE h.arm = 'holdout'" + other + " AND h.as_of = (SELECT MAX(l.as_of) FROM " + sm
                + " l WHERE l.segment = h.segment)";
    }

    /** Consent the channel requires ({@link ChannelEligibility}), over profile alias {@code p}; a member absent from customers fails it. */
    String consent() {
        eligibility.missingConsent(target.channel()).ifPresent(key -> {
            throw new IllegalArgumentException("sync " + target.syncName() + " activates the "
                    + target.channel().name().toLowerCase(Locale.ROOT) + " channel, which needs consent: set"
                    + " sources.customers.consent." + key + " to a boolean column");
        });
        return eligibility.keyPresent() + " AND " + eligibility.consent(target.channel());
    }

    /** True when the member has an identifier the channel matches on ({@link ChannelEligibility}). */
    String hasIdentifier() {
        return eligibility.hasIdentifier(target.channel(), target.identifiers());
    }

    /** MD5 of the mapped fields' values in upsert mode; NULL otherwise (membership alone is the state). */
    String fingerprint() {
        if (target.fields().isEmpty()) return "CAST(NULL AS " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + ")";
        List<String> parts = new ArrayList<>();
        for (var e : target.fields().entrySet()) {
            if (!parts.isEmpty()) parts.add(d.literal("\u001f"));
            parts.add(d.literal(e.getKey() + "="));
            parts.add("COALESCE(" + d.castText("(" + e.getValue() + ")") + ", " + d.literal("\u2400") + ")");
        }
        return d.md5Hex(d.concat(parts.toArray(String[]::new)));
    }

    /** A SELECT that checks every mapped field compiles against the profile as of {@code asOf}. */
    public String fieldsCheck(LocalDate asOf) {
        StringBuilder sb = new StringBuilder("SELECT 1 AS seglift_probe");
        int i = 0;
        for (String expr : target.fields().values()) sb.append(", (").append(expr).append(") AS seglift_f_").append(i++);
        return sb.append(" FROM ").append(profile(asOf)).append(" p").toString();
    }

    /** The outbox of this sync ({@link SyncTables#outbox}): one operation's pending rows with identifiers and fields. */
    public TableName outbox() {
        return tables.outbox(target.syncName());
    }

    /**
     * The statements that replace the outbox with the pending rows of {@code op} in run {@code runId}, each joined once
     * to the profile as of {@code asOf} (the build's date), so paging does not evaluate the profile again per page; run
     * them in one transaction. The run and operation are inlined as literals, as not every warehouse binds parameters
     * in a CREATE TABLE AS. A pending member absent from the profile (no longer in customers) keeps a row with NULL
     * identifiers and fields. Columns: seglift_seq, seglift_key, seglift_fp, seglift_dest, seglift_id_0.. (identifiers
     * in {@link SyncTarget#identifiers()} order), seglift_f_0.. (fields in order).
     */
    public List<String> fillOutbox(String runId, Operation op, LocalDate asOf) {
        String pending = "SELECT seq AS seglift_seq, customer_key AS seglift_key, fingerprint AS seglift_fp,"
                + " destination_id AS seglift_dest FROM " + tables.q(SyncTables.PENDING)
                + " WHERE run_id = " + d.literal(runId) + " AND operation = " + d.literal(BatchCommitter.op(op));
        StringBuilder cols = new StringBuilder("x.seglift_seq, x.seglift_key, x.seglift_fp, x.seglift_dest");
        int i = 0;
        for (IdentifierType t : target.identifiers()) {
            cols.append(", ").append(d.castText("p." + d.quote(target.customers().identifiers().get(t))))
                    .append(" AS seglift_id_").append(i++);
        }
        i = 0;
        for (String expr : target.fields().values()) cols.append(", (").append(expr).append(") AS seglift_f_").append(i++);
        // Without fields, a key the profile repeats (two score rows for it) gives identical rows: the plan of such a sync
        // classifies over customers alone (classifiedOverCustomers) and does not see the repeat, so keep one of them.
        String distinct = target.fields().isEmpty() ? "DISTINCT " : "";
        return d.replaceTableAs(outbox(), "SELECT " + distinct + cols + " FROM (" + pending + ") x LEFT JOIN " + profile(asOf)
                + " p ON " + profileKey() + " = x.seglift_key");
    }

    /** One page of the outbox: parameter last seq; {@code limit} rows in seq order, columns as {@link #fillOutbox}. */
    public String page(int limit) {
        return "SELECT * FROM " + d.table(outbox()) + " WHERE seglift_seq > ? ORDER BY seglift_seq" + d.limit(limit);
    }

    /** Drops the outbox once its operation is sent (or the run stopped or failed). */
    public String dropOutbox() {
        return "DROP TABLE IF EXISTS " + d.table(outbox());
    }
}
