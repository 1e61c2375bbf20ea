package io.seglift.scoring.segments;

import io.seglift.config.SegmentStability;
import io.seglift.config.SegliftTables;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.holdout.Arm;
import io.seglift.scoring.holdout.HoldoutHash;
import io.seglift.scoring.holdout.HoldoutSql;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Materialises segment membership in the warehouse: checks the rule and that the scores it reads exist, writes {@code segment_members} for the as-of
 * date with each member's arm, records first assignments in {@code holdout_assignments} and the build's stability in
 * {@code segment_builds}, all in one transaction. No member row crosses into the JVM.
 */
public final class SegmentBuilder {

    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;
    private final Clock clock;

    public SegmentBuilder(Warehouse warehouse, ProjectConfig project, Clock clock) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.project = project;
        this.clock = clock;
    }

    private String t(String table) {
        return d.table(w.own(table));
    }

    /** Throws {@link SegmentRuleException} naming the segment when its rule does not compile over the profile. */
    public void check(SegmentConfig segment, LocalDate asOf) {
        if (!(segment.holdoutFraction() >= 0 && segment.holdoutFraction() <= 0.5)) {
            throw new SegmentRuleException("segments." + segment.name() + ".holdout: " + segment.holdoutFraction()
                    + " is outside 0..0.5");
        }
        Optional<String> error = w.checkQuery(membersSelect(segment, asOf, "x"));
        if (error.isPresent()) {
            throw new SegmentRuleException("segments." + segment.name() + ".rule (" + segment.rule()
                    + ") is not valid SQL over the member profile: " + error.get());
        }
    }

    private String membersSelect(SegmentConfig s, LocalDate asOf, String buildId) {
        String key = "p." + ProfileView.KEY;
        return "SELECT DISTINCT " + d.dateLiteral(asOf) + " AS as_of, " + d.literal(s.name()) + " AS segment, " + key
                + " AS customer_key, " + new HoldoutSql(d).arm(s.salt(), key, s.holdoutFraction()) + " AS arm, "
                + d.literal(buildId) + " AS build_id FROM (" + ProfileView.sql(project, d, asOf) + ") p WHERE " + key
                + " IS NOT NULL AND COALESCE((" + s.rule() + "), FALSE)";
    }

    /**
     * The score inputs {@code segment} reads that have no scores for {@code asOf} ({@link ScoreInputs#missing}), after
     * checking its rule; empty when it can be built.
     */
    public List<String> missingScores(SegmentConfig segment, LocalDate asOf) {
        check(segment, asOf);
        return new ScoreInputs(w, project).missing(segment, asOf);
    }

    /**
     * Builds one segment as of {@code asOf}; throws {@link SegmentNotReadyException} when its rule reads scores that do
     * not exist for that date (the segment would be empty), writing nothing.
     */
    public SegmentBuild build(SegmentConfig s, LocalDate asOf) {
        List<String> missing = missingScores(s, asOf);
        if (!missing.isEmpty()) {
            throw new SegmentNotReadyException(missing);
        }
        Instant start = clock.instant();
        String buildId = UUID.randomUUID().toString();
        String seg = d.literal(s.name());
        String day = d.dateLiteral(asOf);
        return w.transaction(tx -> {
            Optional<Prior> prior = tx.queryOne("SELECT build_id, as_of FROM " + t(SegliftTables.SEGMENT_BUILDS) + " WHERE segment = "
                    + seg + " AND as_of < " + day + " ORDER BY as_of DESC, built_at DESC" + d.limit(1), List.of(),
                    r -> new Prior(r.string("build_id"), r.date("as_of")));
            tx.execute("DELETE FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " WHERE as_of = " + day + " AND segment = " + seg);
            tx.execute("INSERT INTO " + t(SegliftTables.SEGMENT_MEMBERS) + " (as_of, segment, customer_key, arm, build_id) "
                    + membersSelect(s, asOf, buildId));
            recordAssignments(tx, s, asOf);
            String current = "SELECT customer_key FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " WHERE as_of = " + day
                    + " AND segment = " + seg;
            long members = tx.queryLong("SELECT COUNT(*) FROM (" + current + ") c");
            long holdout = tx.queryLong("SELECT COUNT(*) FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " WHERE as_of = " + day
                    + " AND segment = " + seg + " AND arm = " + d.literal(Arm.HOLDOUT.sql()));
            long previous = 0;
            long stayed = 0;
            if (prior.isPresent()) {
                String before = "SELECT customer_key FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " WHERE as_of = "
                        + d.dateLiteral(prior.get().asOf()) + " AND segment = " + seg;
                previous = tx.queryLong("SELECT COUNT(*) FROM (" + before + ") b");
                stayed = tx.queryLong("SELECT COUNT(*) FROM (" + current + ") c WHERE c.customer_key IN (" + before + ")");
            }
            long entered = members - stayed;
            long exited = previous - stayed;
            Optional<Double> ratio = prior.isEmpty() ? Optional.empty()
                    : Optional.of(previous > 0 ? (entered + exited) / (double) previous : members > 0 ? 1.0 : 0.0);
            boolean flagged = ratio.map(SegmentStability::flagged).orElse(false);
            tx.execute("INSERT INTO " + t(SegliftTables.SEGMENT_BUILDS) + " (build_id, segment, as_of, built_at, rule, salt,"
                            + " holdout_fraction, members, holdout, previous_build_id, entered, exited, stayed, change_ratio,"
                            + " flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            // nullable values are spelled as literals: JDBC parameters here may not be null
                            + d.literal(prior.map(Prior::buildId).orElse(null)) + ", ?, ?, ?, "
                            + ratio.map(r -> d.castDouble(Double.toString(r))).orElse(d.castDouble("NULL")) + ", ?)",
                    buildId, s.name(), asOf, java.sql.Timestamp.from(clock.instant()), s.rule(), s.salt(),
                    s.holdoutFraction(), members, holdout, entered, exited, stayed, flagged);
            return new SegmentBuild(buildId, s.name(), asOf, members, holdout, prior.map(Prior::buildId), entered,
                    exited, stayed, ratio, flagged, Duration.between(start, clock.instant()));
        });
    }

    /**
     * New members get a row with the build's date. When the salt or the fraction changed since the segment's last
     * build, every recorded customer gets the bucket and arm of the new configuration, and those whose arm changed
     * start over from this date. A member seen earlier than recorded (a backfill) gets the earlier date.
     */
    private void recordAssignments(Warehouse tx, SegmentConfig s, LocalDate asOf) {
        String ha = t(SegliftTables.HOLDOUT_ASSIGNMENTS);
        String haKey = d.quote(SegliftTables.HOLDOUT_ASSIGNMENTS) + ".customer_key";
        String seg = d.literal(s.name());
        String day = d.dateLiteral(asOf);
        HoldoutSql holdout = new HoldoutSql(d);
        Optional<Config> last = tx.queryOne("SELECT salt, holdout_fraction FROM " + t(SegliftTables.SEGMENT_BUILDS)
                + " WHERE segment = " + seg + " ORDER BY built_at DESC" + d.limit(1), List.of(),
                r -> new Config(r.string("salt"), r.doubleValue("holdout_fraction")));
        if (last.isPresent() && !last.get().salt().equals(s.salt())) {
            tx.execute("UPDATE " + ha + " SET bucket = " + holdout.bucket(s.salt(), haKey) + " WHERE segment = " + seg);
        }
        if (last.isPresent() && (!last.get().salt().equals(s.salt())
                || HoldoutHash.threshold(last.get().fraction()) != HoldoutHash.threshold(s.holdoutFraction()))) {
            String arm = holdout.arm(s.salt(), haKey, s.holdoutFraction());
            tx.execute("UPDATE " + ha + " SET arm = " + arm + ", first_assigned = " + day + " WHERE segment = " + seg
                    + " AND arm <> " + arm);
        }
        tx.execute("UPDATE " + ha + " SET first_assigned = " + day + " WHERE segment = " + seg + " AND first_assigned > "
                + day + " AND EXISTS (SELECT 1 FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " m WHERE m.as_of = " + day
                + " AND m.segment = " + seg + " AND m.customer_key = " + haKey + ")");
        tx.execute("INSERT INTO " + ha + " (segment, customer_key, arm, bucket, first_assigned) SELECT m.segment,"
                + " m.customer_key, m.arm, " + holdout.bucket(s.salt(), "m.customer_key") + ", " + day + " FROM "
                + t(SegliftTables.SEGMENT_MEMBERS) + " m WHERE m.as_of = " + day + " AND m.segment = " + seg + " AND NOT EXISTS ("
                + "SELECT 1 FROM " + ha + " h WHERE h.segment = m.segment AND h.customer_key = m.customer_key)");
    }

    private record Config(String salt, double fraction) {
    }

    private record Prior(String buildId, LocalDate asOf) {
    }
}
