package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.score.JvmScorer;
import io.seglift.scoring.propensity.score.ScoreRun;
import io.seglift.scoring.propensity.score.SqlScorer;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.ModelTrainer;
import io.seglift.scoring.propensity.train.TrainedModel;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training time for ROWS x 30 features, and scoring throughput of the JVM and SQL paths on DuckDB for CUSTOMERS
 * customers, in one run. Synthetic data: 30 Gaussian features, 10% of values missing, label from a logistic model of
 * a few of them plus interactions. Args: [ROWS] [CUSTOMERS] (default 1,000,000 each).
 */
public final class PropensityBench {
    static final int COLS = 30;

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLS; c++) {
            names.add("x" + c);
        }
        LabeledMatrix train = synthetic(rows, 1);
        LabeledMatrix valid = synthetic(rows / 5, 2);
        long t0 = System.nanoTime();
        TrainedModel model = new ModelTrainer().train(train, valid, names, Map.of());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("training: %,d rows x %d features (+%,d validation rows), %d trees kept, %.1f s, validation AUC %.4f%n",
                rows, COLS, valid.rows(), model.rounds(), trainSeconds, model.validation().aucRoc());

        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            w.execute("CREATE SCHEMA bench");
            StringBuilder ddl = new StringBuilder("CREATE TABLE bench.customers (id BIGINT");
            names.forEach(n -> ddl.append(", ").append(n).append(" DOUBLE"));
            w.execute(ddl.append(")").toString());
            List<String> cols = new ArrayList<>(List.of("id"));
            cols.addAll(names);
            Random r = new Random(3);
            try (BulkWriter out = w.bulkWriter(TableName.parse("bench.customers", "t"), cols)) {
                Object[] row = new Object[COLS + 1];
                for (long i = 0; i < customers; i++) {
                    row[0] = i;
                    for (int c = 0; c < COLS; c++) {
                        row[c + 1] = r.nextDouble() < 0.1 ? null : r.nextGaussian();
                    }
                    out.row(row);
                }
            }
            List<Feature> features = names.stream().map(n -> new Feature(n, "bench", "t." + w.dialect().quote(n))).toList();
            FeatureSet set = new FeatureSet(features, "", w.dialect().castText("t.id"), "FROM bench.customers t", null, List.of());
            LocalDate asOf = LocalDate.of(2026, 6, 30);
            TreeEnsemble ensemble = TreeEnsemble.parse(model.modelJson());
            ScoreRun jvm = new JvmScorer(w, Clock.systemUTC()).score("bench-jvm", "bench", model.modelJson(), set, asOf);
            ScoreRun sql = new SqlScorer(w, Clock.systemUTC()).score("bench-sql", "bench", ensemble, set, asOf);
            System.out.printf("scoring %,d customers, %d trees: JVM path %.1f s (%,.0f rows/s), SQL path %.1f s (%,.0f rows/s)%n",
                    customers, ensemble.trees().size(), jvm.millis() / 1000.0, jvm.customers() * 1000.0 / jvm.millis(),
                    sql.millis() / 1000.0, sql.customers() * 1000.0 / sql.millis());
            double worst = w.queryOne("SELECT MAX(ABS(a.score - b.score)) FROM seglift.model_scores a JOIN seglift.model_scores b "
                    + "ON a.customer_key = b.customer_key WHERE a.model_id = 'bench-jvm' AND b.model_id = 'bench-sql'",
                    List.of(), x -> ((Number) x.get(0)).doubleValue()).orElseThrow();
            System.out.printf("largest |jvm - sql| score difference: %.3g%n", worst);
        }
    }

    static LabeledMatrix synthetic(int rows, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * COLS];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < COLS; c++) {
                x[i * COLS + c] = r.nextDouble() < 0.1 ? Float.NaN : (float) r.nextGaussian();
            }
            double a = nz(x[i * COLS]);
            double b = nz(x[i * COLS + 1]);
            double c = nz(x[i * COLS + 2]);
            double margin = -1.5 + 1.2 * a - 0.8 * b + 0.6 * a * c + (Float.isNaN(x[i * COLS + 3]) ? 0.7 : 0.3 * x[i * COLS + 3]);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1 : 0;
        }
        return new LabeledMatrix(x, y, rows, COLS, "bench-" + seed);
    }

    private static double nz(float v) {
        return Float.isNaN(v) ? 0 : v;
    }
}
