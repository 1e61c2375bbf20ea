package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.propensity.metrics.BinaryMetrics;
import io.seglift.scoring.propensity.metrics.CalibrationBin;
import io.seglift.scoring.propensity.metrics.ValidationReport;
import io.seglift.spi.settings.Settings;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores of the demo's models (already in {@code seglift.model_scores} as of the demo's as-of date) against the
 * generator's ground truth for the period after it ({@code demo_truth.future_orders}, completed orders only, as
 * {@code cancelled_when} excludes cancelled and refunded ones): AUC and calibration on that later period.
 * Args: DB_FILE AS_OF MODEL_NAME:purchase|churn:HORIZON_DAYS ...
 */
public final class DemoTruthEvaluation {
    public static void main(String[] args) {
        LocalDate asOf = LocalDate.parse(args[1]);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + args[0], "seglift",
                new Settings("eval", "duckdb", Map.of()))) {
            for (int i = 2; i < args.length; i++) {
                String[] spec = args[i].split(":");
                String name = spec[0];
                boolean churn = spec[1].equals("churn");
                int horizon = Integer.parseInt(spec[2]);
                String id = w.queryOne("SELECT model_id FROM seglift.model_scores WHERE model_name = ? AND as_of = ? "
                                + "ORDER BY model_id DESC LIMIT 1", List.of(name, asOf), r -> r.string("model_id"))
                        .orElseThrow(() -> new IllegalStateException("no scores of " + name + " as of " + asOf));
                String sql = "SELECT s.score, CASE WHEN f.n IS NULL THEN 0 ELSE 1 END AS bought FROM seglift.model_scores s "
                        + "LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM demo_truth.future_orders WHERE status "
                        + "NOT IN ('cancelled', 'refunded') AND total > 0 AND CAST(ordered_at AS DATE) >= DATE '" + asOf
                        + "' AND CAST(ordered_at AS DATE) < DATE '" + asOf.plusDays(horizon) + "' GROUP BY customer_id) f "
                        + "ON f.customer_id = s.customer_key WHERE s.model_id = ? AND s.as_of = ?";
                long n = w.queryLong("SELECT COUNT(*) FROM seglift.model_scores WHERE model_id = ? AND as_of = ?", id, asOf);
                double[] p = new double[(int) n];
                float[] y = new float[(int) n];
                int[] at = {0};
                w.query(sql, List.of(id, asOf), r -> {
                    p[at[0]] = r.doubleValue("score");
                    long bought = r.longValue("bought");
                    y[at[0]] = churn ? (bought == 0 ? 1 : 0) : bought;
                    at[0]++;
                });
                ValidationReport rep = BinaryMetrics.report(p, y);
                System.out.printf(Locale.ROOT, "%s (%s) on the %d days after %s: %,d customers, %,d positive, AUC %.4f, "
                                + "PR-AUC %.4f, log loss %.4f, Brier %.4f%n", name, id, horizon, asOf, rep.rows(),
                        rep.positives(), rep.aucRoc(), rep.prAuc(), rep.logLoss(), rep.brier());
                System.out.println("  bin        rows  predicted  observed");
                for (CalibrationBin b : rep.calibration()) {
                    System.out.printf(Locale.ROOT, "  %.1f-%.1f %7d  %8.1f%%  %7.1f%%%n", b.from(), b.to(), b.count(),
                            100 * b.meanPredicted(), 100 * b.observedRate());
                }
            }
        }
    }
}
