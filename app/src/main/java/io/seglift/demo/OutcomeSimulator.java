package io.seglift.demo;

import io.seglift.sync.state.SyncTables;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays the demo's future forward after a sync, in SQL, so that lift measurement can be checked against a known effect
 * (docs/demo-data.md, "Outcome simulation"):
 * <ol>
 *   <li>appends to {@code raw.orders} the baseline orders of {@code demo_truth.future_orders} up to the end date: what
 *       every customer buys without any campaign, treated, held out or neither;</li>
 *   <li>for each customer actually sent by a sync (a row in {@code sync_state} of a sync of the segment with
 *       status {@code synced}), takes the
 *       first exposure and the segment's baseline conversion rate {@code b} among those sent (a completed, positive
 *       order within the window after exposure); a sent customer who would not have bought responds when
 *       {@code uplift_draw < effect / (1 - b)}, and gets one extra order on a day inside the window. The treated
 *       group's purchase rate then exceeds the baseline by {@code effect} in expectation, while the holdout, never
 *       sent, keeps the baseline.</li>
 * </ol>
 * Running it again adds nothing twice: orders are keyed by id.
 */
public final class OutcomeSimulator {
    private final Warehouse warehouse;

    public OutcomeSimulator(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Per segment: members sent within the simulated period, their baseline converters, and responders added. */
    public record SegmentOutcome(String segment, long exposed, long baselineConverters, double baselineRate,
                                 long respondersAdded) {
    }

    /** What was appended. */
    public record Result(long baselineOrdersAppended, long upliftOrdersAppended, long exposedOutsidePeriod,
                         double trueEffectPp, int windowDays, List<SegmentOutcome> segments) {
    }

    /**
     * @param segmentBySync sync name to segment name, for the syncs whose members count as treated
     * @param asOf          the demo's as-of date (exposures before it are outside the simulated future)
     * @param end           last day whose baseline orders are appended
     */
    public Result simulate(Map<String, String> segmentBySync, LocalDate asOf, LocalDate end) {
        return simulate(segmentBySync, asOf, asOf, end);
    }

    /**
     * One campaign cycle of several: only members first exposed on or after {@code exposedFrom} (the cycle's date)
     * can respond, with the baseline rate of that cycle's cohort; members of earlier cycles were played out by then.
     *
     * @param asOf        the demo data's as-of date (the start of the simulated future)
     * @param exposedFrom the first day whose exposures this call plays out
     */
    public Result simulate(Map<String, String> segmentBySync, LocalDate asOf, LocalDate exposedFrom, LocalDate end) {
        Dialect d = warehouse.dialect();
        double effect = warehouse.queryOne("SELECT true_effect_pp FROM " + d.table(DemoTables.CAMPAIGN), List.of(),
                r -> r.doubleValue("true_effect_pp")).orElseThrow(() ->
                new IllegalStateException(DemoTables.CAMPAIGN + " is empty; regenerate with seglift init --demo"));
        int window = (int) warehouse.queryLong("SELECT window_days FROM " + d.table(DemoTables.CAMPAIGN));
        LocalDate futureEnd = asOf.plusDays(futureDays());
        return warehouse.transaction(w -> {
            long baseline = w.execute(baselineInsert(d, end));
            if (segmentBySync.isEmpty() || !w.tableExists(w.own(SyncTables.STATE))) {
                return new Result(baseline, 0, 0, effect, window, List.of());
            }
            String exposures = exposures(d, segmentBySync, window);
            String inPeriod = "first_exposed >= " + d.timestampLiteral(asOf.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
                    + " AND first_exposed < " + d.timestampLiteral(futureEnd.minusDays(window - 1L)
                    .atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
            long outside = w.queryLong("WITH " + exposures + " SELECT count(*) FROM exposed WHERE NOT (" + inPeriod + ")");
            String cohort = exposures + ", cohort AS (SELECT * FROM exposed WHERE " + inPeriod
                    + " AND first_exposed >= " + d.timestampLiteral(exposedFrom.atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC)) + "), "
                    + "rates AS (SELECT segment, count(*) AS exposed, " + d.castBigint("sum(converted)") + " AS converters, "
                    + "avg(" + d.castDouble("converted") + ") AS b FROM cohort GROUP BY segment), "
                    + "responders AS (SELECT c.customer_id, c.first_exposed, c.segment, t.uplift_draw / q.q AS u "
                    + "FROM cohort c JOIN " + d.table(DemoTables.TRUTH_CUSTOMERS) + " t ON t.customer_id = c.customer_id "
                    + "JOIN (SELECT segment, CASE WHEN b < 1 THEN LEAST(1.0, " + effect + " / (1 - b)) ELSE 0 END AS q "
                    + "FROM rates) q ON q.segment = c.segment "
                    + "WHERE c.converted = 0 AND t.uplift_draw < q.q)";
            List<SegmentOutcome> segments = new ArrayList<>();
            w.query("WITH " + cohort + " SELECT r.segment, r.exposed, r.converters, r.b, "
                    + "(SELECT count(*) FROM responders x WHERE x.segment = r.segment) AS responders "
                    + "FROM rates r ORDER BY r.segment", List.of(), r -> segments.add(new SegmentOutcome(
                    r.string("segment"), r.longValue("exposed"), r.longValue("converters"), r.doubleValue("b"),
                    r.longValue("responders"))));
            String orderDay = d.addDays(d.castDate("x.first_exposed"),
                    "1 + FLOOR(x.u * " + window + ")");
            long uplift = w.execute("INSERT INTO " + d.table(DemoTables.ORDERS)
                    + " (order_id, customer_id, ordered_at, total, category, status) WITH " + cohort
                    + " SELECT " + d.concat(d.literal("U"), "x.customer_id") + ", x.customer_id, "
                    + d.castTimestamp(orderDay) + " + INTERVAL '12' HOUR, ROUND(t.mean_spend, 2), t.favourite_category, "
                    + d.literal("completed") + " FROM responders x JOIN " + d.table(DemoTables.TRUTH_CUSTOMERS)
                    + " t ON t.customer_id = x.customer_id WHERE NOT EXISTS (SELECT 1 FROM "
                    + d.table(DemoTables.ORDERS) + " o WHERE o.order_id = " + d.concat(d.literal("U"), "x.customer_id")
                    + ")");
            return new Result(baseline, uplift, outside, effect, window, segments);
        });
    }

    private int futureDays() {
        return Integer.parseInt(warehouse.queryOne("SELECT value FROM " + warehouse.dialect().table(DemoTables.PARAMETERS)
                + " WHERE name = 'future_days'", List.of(), r -> r.string("value")).orElse("180"));
    }

    private String baselineInsert(Dialect d, LocalDate end) {
        String orders = d.table(DemoTables.ORDERS);
        return "INSERT INTO " + orders + " (order_id, customer_id, ordered_at, total, category, status) "
                + "SELECT f.order_id, f.customer_id, f.ordered_at, f.total, f.category, f.status FROM "
                + d.table(DemoTables.FUTURE_ORDERS) + " f WHERE f.ordered_at < "
                + d.timestampLiteral(end.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
                + " AND NOT EXISTS (SELECT 1 FROM " + orders + " o WHERE o.order_id = f.order_id)";
    }

    /** CTEs {@code syncs} and {@code exposed} (customer_id, first_exposed, segment, converted 0/1). */
    private String exposures(Dialect d, Map<String, String> segmentBySync, int window) {
        TableName state = warehouse.own(SyncTables.STATE);
        String syncs = segmentBySync.entrySet().stream()
                .map(e -> "SELECT " + d.literal(e.getKey()) + " AS sync_name, " + d.literal(e.getValue()) + " AS segment")
                .collect(Collectors.joining(" UNION ALL "));
        String delivered = " WHERE s.status = " + d.literal("synced");
        String firstSeen = "SELECT s.customer_key AS customer_id, MIN(s.synced_at) AS first_exposed FROM "
                + d.table(state) + " s JOIN syncs y ON y.sync_name = s.sync_name" + delivered + " GROUP BY s.customer_key";
        String withSegment = "SELECT f.customer_id, f.first_exposed, MIN(y.segment) AS segment FROM first_seen f JOIN "
                + d.table(state) + " s ON s.customer_key = f.customer_id AND s.synced_at = f.first_exposed "
                + "JOIN syncs y ON y.sync_name = s.sync_name" + delivered + " GROUP BY f.customer_id, f.first_exposed";
        String windowEnd = d.castTimestamp(d.addDays(d.castDate("e.first_exposed"), Integer.toString(window + 1)));
        String converted = "SELECT e.customer_id, e.first_exposed, e.segment, CASE WHEN EXISTS (SELECT 1 FROM "
                + d.table(DemoTables.FUTURE_ORDERS) + " f WHERE f.customer_id = e.customer_id "
                + "AND f.ordered_at > e.first_exposed AND f.ordered_at < " + windowEnd
                + " AND f.status = 'completed' AND f.total > 0) THEN 1 ELSE 0 END AS converted FROM exposed_segment e";
        return "syncs AS (" + syncs + "), first_seen AS (" + firstSeen + "), exposed_segment AS (" + withSegment
                + "), exposed AS (" + converted + ")";
    }
}
