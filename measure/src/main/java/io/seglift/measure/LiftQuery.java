package io.seglift.measure;

import io.seglift.config.SegliftTables;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.history.SyncHistory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The success metric per cohort and arm, computed in the warehouse. A member's cohort is the date it was first
 * assigned to the segment ({@code holdout_assignments.first_assigned}, intention to treat: every assigned member
 * counts, sent or not). Its outcome counts purchases and revenue ({@link PurchaseFacts}, including cancellation
 * adjustments under {@code cancellations: net}) dated after the cohort date and at most {@code windowDays} later, and
 * no later than the report's as-of date. Only per cohort × arm sums come back.
 */
public final class LiftQuery {
    private final Warehouse w;
    private final Dialect d;
    private final PurchaseFacts facts;
    private final SyncHistory history;

    public LiftQuery(Warehouse warehouse, PurchaseFacts facts) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.facts = facts;
        this.history = new SyncHistory(warehouse);
    }

    public SortedMap<LocalDate, LiftAssessor.Arms> cohorts(String segment, int windowDays, LocalDate asOf) {
        TableName assignments = w.own(SegliftTables.HOLDOUT_ASSIGNMENTS);
        SortedMap<LocalDate, LiftAssessor.Arms> out = new TreeMap<>();
        if (!w.tableExists(assignments)) return out;
        Optional<String> everAdded = history.keysEverAddedSql();
        String bound = d.addDays(d.dateLiteral(asOf), "1");
        String cohort = d.castDate("m.cohort");
        String sql = "WITH m AS (SELECT " + d.castText("customer_key") + " AS customer_key, arm, "
                + d.castDate("first_assigned") + " AS cohort FROM " + d.table(assignments)
                + " WHERE segment = ? AND " + d.castDate("first_assigned") + " <= " + d.dateLiteral(asOf) + "), "
                + "e AS (SELECT customer_key, purchase_date AS d, value, 1 AS purchase FROM (" + facts.purchases(bound)
                + ") p UNION ALL SELECT customer_key, adjustment_date AS d, value, 0 AS purchase FROM ("
                + facts.adjustments(bound) + ") a), "
                + "o AS (SELECT m.customer_key, m.arm, m.cohort, SUM(COALESCE(e.purchase, 0)) AS purchases, "
                + "COALESCE(SUM(e.value), 0) AS revenue FROM m LEFT JOIN e ON e.customer_key = m.customer_key "
                + "AND e.d > " + cohort + " AND e.d <= " + d.addDays(cohort, String.valueOf(windowDays))
                + " GROUP BY m.customer_key, m.arm, m.cohort), "
                + "x AS (" + exposedKeys(everAdded) + ") "
                + "SELECT o.cohort, o.arm, " + d.castBigint("COUNT(*)") + " AS n, "
                + d.castBigint("SUM(CASE WHEN o.purchases > 0 THEN 1 ELSE 0 END)") + " AS conversions, "
                + d.castDouble("SUM(o.revenue)") + " AS s, " + d.castDouble("SUM(o.revenue * o.revenue)") + " AS ss, "
                + d.castBigint("SUM(CASE WHEN x.customer_key IS NOT NULL THEN 1 ELSE 0 END)") + " AS exposed "
                + "FROM o LEFT JOIN x ON x.customer_key = o.customer_key GROUP BY o.cohort, o.arm ORDER BY o.cohort, o.arm";
        boolean exposureKnown = everAdded.isPresent();
        List<Object> params = exposureKnown ? List.of(segment, segment) : List.of(segment);
        w.query(sql, params, r -> {
            LocalDate c = r.date("cohort");
            String arm = r.string("arm");
            ArmAggregate a = new ArmAggregate(r.longValue("n"), r.longValue("conversions"), r.doubleValue("s"),
                    r.doubleValue("ss"));
            LiftAssessor.Arms prev = out.getOrDefault(c, new LiftAssessor.Arms(ArmAggregate.EMPTY, ArmAggregate.EMPTY,
                    exposureKnown ? 0L : null));
            if ("holdout".equalsIgnoreCase(arm)) {
                out.put(c, new LiftAssessor.Arms(prev.treatment(), prev.holdout().plus(a), prev.exposed()));
            } else if ("treatment".equalsIgnoreCase(arm)) {
                out.put(c, new LiftAssessor.Arms(prev.treatment().plus(a), prev.holdout(),
                        exposureKnown ? prev.exposed() + r.longValue("exposed") : null));
            } else {
                throw new IllegalStateException("holdout_assignments.arm for segment " + segment + " is '" + arm
                        + "' (allowed: treatment, holdout)");
            }
        });
        return out;
    }

    /**
     * Keys ever added successfully by any sync of the segment, from the engine's run history, so a member sent and
     * later removed still counts as exposed; empty when nothing was ever synced.
     */
    private String exposedKeys(Optional<String> everAdded) {
        return everAdded.orElse("SELECT " + d.castText("NULL") + " AS customer_key WHERE 1 = 0");
    }

    /** The latest purchase date in the orders, if any. */
    public java.util.Optional<LocalDate> latestOrderDate() {
        return w.queryOne("SELECT MAX(purchase_date) AS latest FROM (" + facts.purchases(null) + ") p", List.of(),
                r -> r.date("latest"));
    }
}
