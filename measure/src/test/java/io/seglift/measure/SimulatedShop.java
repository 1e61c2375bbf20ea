package io.seglift.measure;

import io.seglift.config.ActivationBrief;
import io.seglift.config.AuditConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.ModelConfig;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.config.SuccessMetric;
import io.seglift.config.WarehouseConfig;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A simulated shop in a warehouse: the tables other modules write (holdout assignments, sync runs and state, segment
 * builds, model scores, models, audits; columns as in docs/warehouse-tables.md) and orders with a known campaign
 * effect. Members actually sent buy within 30 days with probability base + effect; everyone else with base. Noise
 * orders fall on the cohort day and after the window so the window boundaries are exercised. Also records, in Java,
 * the exact aggregates the SQL must reproduce.
 */
final class SimulatedShop {
    static final LocalDate DATA_END = LocalDate.of(2024, 3, 1);
    static final double BASE = 0.10;
    static final double EFFECT = 0.05;
    static final double SENT_SHARE = 0.95;
    /** The intention-to-treat effect: the effect on those sent, diluted by members who were never sent. */
    static final double ITT_EFFECT = EFFECT * SENT_SHARE;
    static final double REVENUE_BASE = 0.20;
    static final double REVENUE_EFFECT = 0.08;
    static final List<LocalDate> COHORTS = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8),
            LocalDate.of(2024, 2, 20));
    static final List<Integer> COHORT_SIZES = List.of(6000, 4000, 2500);

    /** Expected aggregates per segment, cohort and arm ("treatment"/"holdout"), as computed in Java. */
    final Map<String, Map<LocalDate, Map<String, ArmAggregate>>> expected = new HashMap<>();
    final Map<String, Map<LocalDate, Long>> expectedExposed = new HashMap<>();
    private final Warehouse w;
    private final SplittableRandom rnd;
    private BulkWriter orders;
    private long orderSeq;

    SimulatedShop(Warehouse w, long seed) {
        this.w = w;
        this.rnd = new SplittableRandom(seed);
    }

    ProjectConfig build() {
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust VARCHAR, ordered_at TIMESTAMP, amount DOUBLE)");
        // The sync engine's migrations live in the sync module; until then its documented columns are created here.
        w.execute("CREATE TABLE IF NOT EXISTS seglift.sync_results (run_id VARCHAR, customer_key VARCHAR, "
                + "operation VARCHAR, status VARCHAR, code VARCHAR, message VARCHAR, recorded_at TIMESTAMP)");
        w.execute("CREATE TABLE IF NOT EXISTS seglift.sync_runs (run_id VARCHAR, sync_name VARCHAR, segment VARCHAR, "
                + "destination VARCHAR, mode VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR, "
                + "error VARCHAR, planned BIGINT, sent BIGINT, added BIGINT, removed BIGINT, updated BIGINT, "
                + "rejected BIGINT, retried BIGINT, held_out BIGINT, suppressed BIGINT, no_consent BIGINT)");
        orders = w.bulkWriter(TableName.of(null, "orders"), List.of("order_id", "cust", "ordered_at", "amount"));
        try (BulkWriter ha = w.bulkWriter(w.own("holdout_assignments"),
                List.of("segment", "customer_key", "arm", "bucket", "first_assigned"));
             BulkWriter state = w.bulkWriter(w.own("sync_results"),
                     List.of("run_id", "customer_key", "operation", "status", "code", "message", "recorded_at"))) {
            segment("lapsed_buyers", "lapsed_to_klaviyo", BASE, EFFECT, ha, state);
            segment("big_spenders", "big_spenders_to_hubspot", REVENUE_BASE, REVENUE_EFFECT, ha, state);
            segment("never_sent", null, BASE, 0, ha, state);
            models();
            order("last", "x-last", DATA_END, 10.0);
        } finally {
            orders.close();
        }
        syncRuns();
        builds();
        w.execute("INSERT INTO seglift.models (model_id, name, kind, metrics) VALUES ('m-p30-1', 'purchase_30d', "
                + "'purchase', '{\"aucRoc\": 0.74, \"brier\": 0.081, \"deciles\": [0.1, 0.2]}'), "
                + "('m-c45-1', 'churn_45d', 'churn', '{\"aucRoc\": 0.69}')");
        w.execute("INSERT INTO seglift.audits (run_id, as_of, run_at, customers, qualified_customers, history_months, "
                + "recommendation, allows_models, report) VALUES ('a-1', DATE '2024-01-01', TIMESTAMP '2024-01-01 06:00', "
                + "20000, 15000, 24, 'propensity-ready', TRUE, '{\"recommendation\": \"propensity-ready\", "
                + "\"qualified_customers\": 15000}'), ('a-2', DATE '2024-02-25', TIMESTAMP '2024-02-25 06:00', 21000, "
                + "16100, 26, 'propensity-ready', TRUE, '{\"recommendation\": \"propensity-ready\", "
                + "\"qualified_customers\": 16100, \"checks\": [{\"name\": \"history\", \"ok\": true}]}')");
        return project();
    }

    private void segment(String name, String sync, double base, double effect, BulkWriter ha, BulkWriter state) {
        for (int c = 0; c < COHORTS.size(); c++) {
            LocalDate cohort = COHORTS.get(c);
            for (int i = 0; i < COHORT_SIZES.get(c); i++) {
                String key = name.charAt(0) + "-" + c + "-" + i;
                boolean holdout = rnd.nextDouble() < 0.10;
                String arm = holdout ? "holdout" : "treatment";
                ha.row(name, key, arm, rnd.nextInt(10_000), cohort);
                boolean sent = sync != null && !holdout && rnd.nextDouble() < SENT_SHARE;
                if (sync != null && !holdout && !sent && Math.floorMod(key.hashCode(), 10) < 3) {
                    state.row(runOf(sync), key, "add", "rejected", "INVALID_EMAIL", "invalid email",
                            cohort.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
                }
                if (sent) {
                    state.row(runOf(sync), key, "add", "ok", null, null,
                            cohort.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
                    expectedExposed.computeIfAbsent(name, k -> new HashMap<>()).merge(cohort, 1L, Long::sum);
                }
                double value = 0;
                int conversions = 0;
                if (rnd.nextDouble() < base + (sent ? effect : 0)) {
                    LocalDate day = cohort.plusDays(1 + rnd.nextInt(30));
                    double amount = Math.round(Math.exp(3.5 + 0.8 * gaussian()) * 100) / 100.0;
                    if (!day.isAfter(DATA_END)) {
                        order(null, key, day, amount);
                        value += amount;
                        conversions = 1;
                    }
                }
                if (rnd.nextDouble() < 0.2) order(null, key, cohort, 25.0);
                if (rnd.nextDouble() < 0.3) {
                    LocalDate late = cohort.plusDays(31 + rnd.nextInt(30));
                    if (!late.isAfter(DATA_END)) order(null, key, late, 30.0);
                }
                ArmAggregate one = new ArmAggregate(1, conversions, value, value * value);
                expected.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(cohort, k -> new HashMap<>())
                        .merge(arm, one, ArmAggregate::plus);
            }
        }
    }

    /** The first run of each sync in {@link #syncRuns()}; results hang off it. */
    private static String runOf(String sync) {
        return sync.equals("lapsed_to_klaviyo") ? "r-k-0" : "r-h-0";
    }

    private void order(String id, String key, LocalDate day, double amount) {
        orders.row(id == null ? "o" + (orderSeq++) : id, key, day.atTime(12, 0), amount);
    }

    /** A calibrated purchase model and a churn model that underestimates churn by 15 points. */
    private void models() {
        LocalDate p30 = LocalDate.of(2024, 1, 15);
        LocalDate c45 = LocalDate.of(2024, 1, 2);
        try (BulkWriter s = w.bulkWriter(w.own("model_scores"),
                List.of("model_id", "model_name", "as_of", "customer_key", "score", "decile"))) {
            for (int i = 0; i < 5000; i++) {
                double p = Math.min(0.9, 0.02 + 0.6 * Math.pow(rnd.nextDouble(), 2));
                String key = "mp-" + i;
                s.row("m-p30-1", "purchase_30d", p30, key, p, Math.min(10, 1 + (int) (p / 0.062)));
                if (rnd.nextDouble() < p) order(null, key, p30.plusDays(1 + rnd.nextInt(30)), 40.0);
            }
            for (int i = 0; i < 5000; i++) {
                double churn = 0.1 + 0.7 * rnd.nextDouble();
                String key = "mc-" + i;
                s.row("m-c45-1", "churn_45d", c45, key, churn, Math.min(10, 1 + (int) ((churn - 0.1) / 0.07)));
                boolean churns = rnd.nextDouble() < Math.min(1, churn + 0.15);
                if (!churns) order(null, key, c45.plusDays(1 + rnd.nextInt(45)), 40.0);
            }
            s.row("m-p30-2", "purchase_30d", LocalDate.of(2024, 2, 25), "mp-0", 0.2, 5);
        }
    }

    private void syncRuns() {
        try (BulkWriter runs = w.bulkWriter(w.own("sync_runs"), List.of("run_id", "sync_name", "segment",
                "destination", "mode", "started_at", "finished_at", "status", "planned", "sent", "added", "removed",
                "updated", "rejected", "retried", "held_out", "suppressed"))) {
            for (int day = 0; day < 60; day += 3) {
                Instant at = LocalDate.of(2024, 1, 1).plusDays(day).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
                boolean failed = day == 21;
                long rejected = day % 9 == 0 ? 12 : 1;
                runs.row("r-k-" + day, "lapsed_to_klaviyo", "lapsed_buyers", "klaviyo", "mirror", at,
                        at.plusSeconds(90), failed ? "failed" : "ok", 600L, failed ? 0L : 580L, 500L, 40L, 40L,
                        failed ? 0L : rejected, (long) (day % 4), 60L, 8L);
                runs.row("r-h-" + day, "big_spenders_to_hubspot", "big_spenders", "hubspot", "upsert", at,
                        at.plusSeconds(40), "ok", 300L, 300L, 200L, 0L, 100L, 0L, 0L, 30L, 2L);
                runs.row("r-f-" + day, "big_spenders_to_facebook", "big_spenders", "facebook", "mirror", at,
                        at.plusSeconds(60), "ok", 300L, 300L, 280L, 0L, 0L, 20L, 0L, 30L, 2L);
            }
        }
        // Meta's counts of the Facebook uploads: 300 received, 20 invalid entries (match rate 93.3%)
        w.execute("UPDATE " + w.dialect().table(w.own("sync_runs")) + " SET upload_received = 300, upload_invalid = 20,"
                + " audience_size_lower = 280, audience_size_upper = 280 WHERE sync_name = 'big_spenders_to_facebook'");
    }

    private void builds() {
        try (BulkWriter b = w.bulkWriter(w.own("segment_builds"), List.of("build_id", "segment", "as_of", "built_at",
                "rule", "salt", "holdout_fraction", "members", "holdout", "entered", "exited", "stayed", "change_ratio",
                "flagged"))) {
            long members = 6000;
            for (int week = 0; week < 9; week++) {
                LocalDate asOf = LocalDate.of(2024, 1, 1).plusWeeks(week);
                long entered = week == 0 ? members : week == 5 ? 1500 : 300 + rnd.nextInt(200);
                long exited = week == 0 ? 0 : week == 5 ? 900 : 250 + rnd.nextInt(200);
                long previous = members;
                long stayed = week == 0 ? 0 : previous - exited;
                members = week == 0 ? members : stayed + entered;
                double ratio = week == 0 ? 1.0 : (double) (entered + exited) / previous;
                b.row("b-" + week, "lapsed_buyers", asOf, asOf.atTime(6, 0), "recency_days > 90", "lapsed_buyers", 0.1,
                        members, Math.round(members * 0.1),
                        entered, exited, stayed, ratio, ratio > 0.2);
            }
        }
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static ProjectConfig project() {
        OrdersSource orders = new OrdersSource(TableName.parse("orders", "sources.orders"), "cust", "ordered_at",
                Optional.of("order_id"), Optional.of("amount"), Optional.empty(), Optional.empty(), Optional.empty(),
                OrderRules.defaults());
        CustomersSource customers = new CustomersSource(TableName.parse("customers", "sources.customers"), "cust",
                Map.of(), ConsentColumns.none(), Optional.empty());
        Map<String, SegmentConfig> segments = new LinkedHashMap<>();
        segments.put("lapsed_buyers", new SegmentConfig("lapsed_buyers", "recency_days > 90", 0.10, "lapsed_buyers",
                Optional.of("Bought twice or more, nothing in 90 days"), Optional.of(new ActivationBrief(
                List.of("klaviyo"), Optional.of("A 15% win-back offer brings lapsed repeat buyers back within a month"),
                Optional.of(new SuccessMetric(Optional.of("reactivated_30d"), Optional.of(SuccessMetric.Outcome.PURCHASE),
                        Optional.of(30), Optional.of(SuccessMetric.Target.parse("+3pp")))),
                Optional.of("crm-team")))));
        segments.put("big_spenders", new SegmentConfig("big_spenders", "monetary_total > 500", 0.10, "big_spenders",
                Optional.empty(), Optional.of(new ActivationBrief(List.of("hubspot"),
                Optional.of("Account-manager outreach raises spend of top customers"),
                Optional.of(new SuccessMetric(Optional.of("revenue_30d"), Optional.of(SuccessMetric.Outcome.REVENUE),
                        Optional.of(30), Optional.of(SuccessMetric.Target.parse("+2.00")))),
                Optional.of("sales-ops")))));
        segments.put("never_sent", new SegmentConfig("never_sent", "frequency = 1", 0.10, "never_sent",
                Optional.empty(), Optional.empty()));
        Map<String, ModelConfig> models = new LinkedHashMap<>();
        models.put("purchase_30d", new ModelConfig("purchase_30d", new ModelConfig.Target(
                ModelConfig.Target.Kind.PURCHASE, 30, Optional.empty()), List.of("rfm"), Map.of(), Map.of()));
        models.put("churn_45d", new ModelConfig("churn_45d", new ModelConfig.Target(
                ModelConfig.Target.Kind.CHURN, 45, Optional.empty()), List.of("rfm"), Map.of(), Map.of()));
        return new ProjectConfig("simulated-shop", Path.of("target", "sim", "seglift.yaml"),
                new WarehouseConfig("duckdb", "seglift", new Settings("warehouse", "duckdb", Map.of())),
                new SourcesConfig(customers, orders, Optional.empty(), Optional.empty()),
                new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), models), segments, Map.of(), List.of());
    }
}
