package io.seglift.sync.plan;

import io.seglift.config.ConsentColumns;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.state.SyncTables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the planner's SQL through the dialect: the classification of the latest segment build (exclusion reason and
 * fingerprint of mapped fields per member), and the page query that reads one batch of the diff with its identifiers
 * and mapped fields. Both read the member profile the application passes in ({@link MemberProfile}) as of the build's date,
 * so {@code fields} see what segment rules see: customers, RFM and model columns.
 */
public final class MemberQueries {
    private final Warehouse warehouse;
    private final Dialect d;
    private final SyncTarget target;
    private final SyncTables tables;
    private final Function<LocalDate, String> profileAsOf;

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
        return d.table(warehouse.own("segment_members"));
    }

    /**
     * INSERT of the classified build made as of {@code asOf} (the segment's latest, which may be empty) into
     * {@code sync_work}; parameters: run id, segment. A member's reason is the first rule it fails (held out, suppressed, no consent, no
     * identifier), NULL when it is to be sent. Held out means in the holdout of this segment or of the latest build of
     * any other segment: a holdout is never sent anywhere, so overlapping campaigns cannot contaminate a control group.
     */
    public String insertClassified(LocalDate asOf) {
        String sm = segmentMembers();
        String members = "(SELECT " + d.castText("sm.customer_key") + " AS seglift_key, MIN(sm.arm) AS seglift_arm FROM "
                + sm + " sm WHERE sm.segment = ? AND sm.as_of = " + d.dateLiteral(asOf) + " GROUP BY "
                + d.castText("sm.customer_key") + ")";
        String suppressed = target.suppressions()
                .map(s -> " LEFT JOIN (SELECT DISTINCT " + d.castText(d.quote(s.customer())) + " AS seglift_suppressed FROM "
                        + d.table(s.table()) + ") s ON s.seglift_suppressed = m.seglift_key")
                .orElse("");
        String suppressedTest = target.suppressions().isPresent() ? "s.seglift_suppressed IS NOT NULL" : "1 = 0";
        String heldOutAnywhere = " LEFT JOIN (SELECT DISTINCT " + d.castText("h.customer_key") + " AS seglift_held FROM " + sm
                + " h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM " + sm
                + " l WHERE l.segment = h.segment)) h ON h.seglift_held = m.seglift_key";
        String reason = "CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN '"
                + Exclusion.HELD_OUT.code() + "'"
                + " WHEN " + suppressedTest + " THEN '" + Exclusion.SUPPRESSED.code() + "'"
                + " WHEN NOT (" + consent() + ") THEN '" + Exclusion.NO_CONSENT.code() + "'"
                + " WHEN NOT (" + hasIdentifier() + ") THEN '" + Exclusion.NO_IDENTIFIER.code() + "'"
                + " ELSE NULL END";
        return "INSERT INTO " + tables.q(SyncTables.WORK) + " (run_id, customer_key, reason, fingerprint) SELECT ?, m.seglift_key, "
                + reason + ", " + fingerprint() + " FROM " + members + " m LEFT JOIN " + profile(asOf) + " p ON "
                + profileKey() + " = m.seglift_key" + heldOutAnywhere + suppressed;
    }

    /** Consent the channel requires, over profile alias {@code p}; a member absent from customers fails it. */
    String consent() {
        ConsentColumns cc = target.customers().consent();
        String present = "p." + d.quote(target.customers().key()) + " IS NOT NULL";
        return switch (target.channel()) {
            case CRM -> present;
            case EMAIL -> present + " AND " + isTrue(cc.email().orElseThrow(() -> missingConsent("email", Channel.EMAIL)));
            case SMS -> present + " AND " + isTrue(cc.sms().orElseThrow(() -> missingConsent("sms", Channel.SMS)))
                    + cc.dnd().map(col -> " AND NOT " + isTrue(col)).orElse("");
            case ADS -> present + cc.ads().map(col -> " AND " + isTrue(col)).orElse("");
        };
    }

    private IllegalArgumentException missingConsent(String key, Channel channel) {
        return new IllegalArgumentException("sync " + target.syncName() + " activates the " + channel.name().toLowerCase(java.util.Locale.ROOT)
                + " channel, which needs consent: set sources.customers.consent." + key + " to a boolean column");
    }

    private String isTrue(String column) {
        return "COALESCE(CAST(p." + d.quote(Identifiers.require(column, "consent column")) + " AS BOOLEAN), FALSE)";
    }

    /** True when the member has at least one identifier the destination matches on (email specifically for EMAIL, phone for SMS). */
    String hasIdentifier() {
        Map<IdentifierType, String> cols = target.customers().identifiers();
        List<IdentifierType> needed = switch (target.channel()) {
            case EMAIL -> List.of(IdentifierType.EMAIL);
            case SMS -> List.of(IdentifierType.PHONE);
            default -> target.identifiers();
        };
        List<String> tests = new ArrayList<>();
        for (IdentifierType t : needed) {
            String col = cols.get(t);
            if (col != null) tests.add("NULLIF(TRIM(" + d.castText("p." + d.quote(col)) + "), '') IS NOT NULL");
        }
        return tests.isEmpty() ? "1 = 0" : String.join(" OR ", tests);
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

    /**
     * One page of the diff for an operation, fields read from the profile as of {@code asOf} (the build's date):
     * parameters run id, operation, last seq; {@code limit} rows.
     * Columns: seglift_seq, seglift_key, seglift_fp, seglift_dest, seglift_id_0.. (identifiers in {@link
     * SyncTarget#identifiers()} order), seglift_f_0.. (fields in order).
     */
    public String page(int limit, LocalDate asOf) {
        String inner = "SELECT seq AS seglift_seq, customer_key AS seglift_key, fingerprint AS seglift_fp,"
                + " destination_id AS seglift_dest FROM " + tables.q(SyncTables.PENDING)
                + " WHERE run_id = ? AND operation = ? AND seq > ? ORDER BY seq" + d.limit(limit);
        StringBuilder cols = new StringBuilder("x.seglift_seq, x.seglift_key, x.seglift_fp, x.seglift_dest");
        int i = 0;
        for (IdentifierType t : target.identifiers()) {
            cols.append(", ").append(d.castText("p." + d.quote(target.customers().identifiers().get(t))))
                    .append(" AS seglift_id_").append(i++);
        }
        i = 0;
        for (String expr : target.fields().values()) cols.append(", (").append(expr).append(") AS seglift_f_").append(i++);
        return "SELECT " + cols + " FROM (" + inner + ") x LEFT JOIN " + profile(asOf) + " p ON "
                + profileKey() + " = x.seglift_key ORDER BY x.seglift_seq";
    }
}
