package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.score.JvmScorer;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.scoring.propensity.train.ModelTrainer;
import io.seglift.scoring.propensity.train.TrainedModel;
import io.seglift.scoring.propensity.train.XgbParams;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Propensity training and JVM scoring on DuckDB, each step alternated with its baseline and its code before issue 14
 * ({@link Legacy}) in one process, three times, printing medians and ratios. Synthetic data: 30 Gaussian features,
 * 10% of values missing, label from a logistic model of a few of them plus interactions.
 * Args: [ROWS] [CUSTOMERS] [PK_ROWS] (training rows, scored customers, rows for the primary-key delete measures;
 * default 1,000,000 each; 0 skips that part).
 */
public final class PropensityBench {
    static final int COLS = 30;
    static final int REPEAT = 3;
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int pkRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        System.out.println("load average at start: " + load());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLS; c++) {
            names.add("x" + c);
        }
        byte[] model = training(rows, names);
        if (customers > 0) {
            scoring(customers, names, model);
        }
        if (pkRows > 0) {
            keys(pkRows);
        }
        System.out.println("load average at end: " + load());
    }

    private static byte[] training(int rows, List<String> names) throws Exception {
        int n = rows > 0 ? rows : 5_000;
        LabeledMatrix train = synthetic(n, 1);
        LabeledMatrix valid = synthetic(n / 5, 2);
        if (rows == 0) {
            return new ModelTrainer().train(train, valid, names, Map.of()).modelJson();
        }
        double[] legacy = new double[REPEAT];
        double[] now = new double[REPEAT];
        double[] alone = new double[REPEAT];
        TrainedModel model = null;
        int boosted = 0;
        for (int i = 0; i < REPEAT; i++) {
            long t0 = System.nanoTime();
            int legacyTrees = Legacy.train(train, valid);
            long t1 = System.nanoTime();
            model = new ModelTrainer().train(train, valid, names, Map.of());
            long t2 = System.nanoTime();
            XgbParams params = XgbParams.of(Map.of(), train.positives(), train.rows() - train.positives());
            boosted = Math.min(params.rounds(), model.rounds() + params.earlyStop());
            DMatrix d = Legacy.matrix(train);
            Booster b = XGBoost.train(d, params.booster(), boosted, Map.of(), null, null);
            b.dispose();
            d.dispose();
            long t3 = System.nanoTime();
            legacy[i] = (t1 - t0) / 1e9;
            now[i] = (t2 - t1) / 1e9;
            alone[i] = (t3 - t2) / 1e9;
            if (legacyTrees != model.rounds()) {
                throw new IllegalStateException("legacy kept " + legacyTrees + " trees, now " + model.rounds());
            }
        }
        System.out.printf("training %,d x %d (+%,d validation rows), %d trees kept, %d rounds boosted: before %.2f s, now %.2f s,"
                        + " XGBoost4J alone (DMatrix + train, %d rounds) %.2f s; now/alone %.2f, before/alone %.2f%n",
                train.rows(), COLS, valid.rows(), model.rounds(), boosted, median(legacy), median(now), boosted,
                median(alone), median(now) / median(alone), median(legacy) / median(alone));
        return model.modelJson();
    }

    private static void scoring(int customers, List<String> names, byte[] model) throws Exception {
        Path dir = Files.createTempDirectory("seglift-bench-");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("propensity.duckdb"), "seglift", new Settings("bench", "duckdb", Map.of()))) {
            Migrator.discover().migrate(w);
            w.execute("CREATE SCHEMA bench");
            StringBuilder ddl = new StringBuilder("CREATE TABLE bench.customers (id BIGINT");
            names.forEach(n -> ddl.append(", ").append(n).append(" DOUBLE"));
            w.execute(ddl.append(")").toString());
            List<String> cols = new ArrayList<>(List.of("id"));
            cols.addAll(names);
            float[] x = new float[customers * COLS];
            Random r = new Random(3);
            try (BulkWriter out = w.bulkWriter(TableName.parse("bench.customers", "t"), cols)) {
                Object[] row = new Object[COLS + 1];
                for (int i = 0; i < customers; i++) {
                    row[0] = (long) i;
                    for (int c = 0; c < COLS; c++) {
                        Double v = r.nextDouble() < 0.1 ? null : r.nextGaussian();
                        row[c + 1] = v;
                        x[i * COLS + c] = v == null ? Float.NaN : v.floatValue();
                    }
                    out.row(row);
                }
            }
            List<Feature> features = names.stream().map(n -> new Feature(n, "bench", "t." + w.dialect().quote(n))).toList();
            FeatureSet set = new FeatureSet(features, "", w.dialect().castText("t.id"), "FROM bench.customers t", null, List.of());
            String frame = "SELECT CAST(id AS VARCHAR) AS customer_key, " + String.join(", ", names)
                    + ", 0 AS label FROM bench.customers ORDER BY id";

            double[] loadBefore = new double[REPEAT];
            double[] loadNow = new double[REPEAT];
            for (int i = 0; i < REPEAT; i++) {
                long t0 = System.nanoTime();
                Legacy.loadMatrix(w, frame, COLS);
                long t1 = System.nanoTime();
                new MatrixLoader(w).load(frame, names);
                long t2 = System.nanoTime();
                loadBefore[i] = (t1 - t0) / 1e9;
                loadNow[i] = (t2 - t1) / 1e9;
            }
            System.out.printf("training matrix %,d x %d from DuckDB: before (COUNT + read) %.2f s, now (one read) %.2f s, ratio %.2f%n",
                    customers, COLS, median(loadBefore), median(loadNow), median(loadNow) / median(loadBefore));

            Booster booster = XGBoost.loadModel(model);
            JvmScorer jvm = new JvmScorer(w, Clock.systemUTC());
            double[] nativeS = new double[REPEAT];
            double[] empty = new double[REPEAT];
            double[] again = new double[REPEAT];
            double[] legacyEmpty = new double[REPEAT];
            double[] legacyAgain = new double[REPEAT];
            String t = "seglift.model_scores";
            for (int i = 0; i < REPEAT; i++) {
                long t0 = System.nanoTime();
                DMatrix d = new DMatrix(x, customers, COLS, Float.NaN);
                float[][] p = booster.predict(d);
                d.dispose();
                long t1 = System.nanoTime();
                w.execute("DELETE FROM " + t);
                long t2 = System.nanoTime();
                jvm.score("bench", "bench", model, set, AS_OF);
                long t3 = System.nanoTime();
                jvm.score("bench", "bench", model, set, AS_OF);
                long t4 = System.nanoTime();
                w.execute("DELETE FROM " + t);
                long t5 = System.nanoTime();
                Legacy.jvmScore(w, "bench", model, set, AS_OF);
                long t6 = System.nanoTime();
                Legacy.jvmScore(w, "bench", model, set, AS_OF);
                long t7 = System.nanoTime();
                nativeS[i] = (t1 - t0) / 1e9;
                empty[i] = (t3 - t2) / 1e9;
                again[i] = (t4 - t3) / 1e9;
                legacyEmpty[i] = (t6 - t5) / 1e9;
                legacyAgain[i] = (t7 - t6) / 1e9;
                if (p.length != customers) {
                    throw new IllegalStateException("native predict returned " + p.length + " rows");
                }
            }
            booster.dispose();
            double nativeRate = customers / median(nativeS);
            System.out.printf("scoring %,d customers: native predict (DMatrix + predict) %.2f s = %,.0f rows/s;"
                            + " JVM path now %.2f s = %,.0f rows/s (%.2fx native), before %.2f s = %,.0f rows/s (%.2fx native)%n",
                    customers, median(nativeS), nativeRate, median(empty), customers / median(empty),
                    customers / median(empty) / nativeRate, median(legacyEmpty), customers / median(legacyEmpty),
                    customers / median(legacyEmpty) / nativeRate);
            System.out.printf("re-scoring an already-scored date (no key): now %.2f s vs empty table %.2f s, ratio %.2f;"
                            + " before-code (still no key) %.2f s vs %.2f s, ratio %.2f%n",
                    median(again), median(empty), median(again) / median(empty),
                    median(legacyAgain), median(legacyEmpty), median(legacyAgain) / median(legacyEmpty));
            double worst = w.queryOne("SELECT MAX(ABS(a.score - b.score)) FROM " + t + " a JOIN " + t + " b ON a.customer_key = b.customer_key"
                    + " AND a.model_id = b.model_id AND a.as_of = b.as_of AND a.decile = b.decile", List.of(),
                    q -> q.get(0) == null ? Double.NaN : ((Number) q.get(0)).doubleValue()).orElseThrow();
            System.out.printf("rows %,d, largest self-join score difference %.3g%n", w.queryLong("SELECT COUNT(*) FROM " + t), worst);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Deleting every row of one (model, as-of) and of one sync, with and without the primary key, alternated. */
    private static void keys(int n) throws Exception {
        Path dir = Files.createTempDirectory("seglift-bench-");
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("keys.duckdb"), "seglift", new Settings("bench", "duckdb", Map.of()))) {
            String scoresCols = "(model_id VARCHAR NOT NULL, model_name VARCHAR NOT NULL, as_of DATE NOT NULL, "
                    + "customer_key VARCHAR NOT NULL, score DOUBLE, decile INTEGER";
            String stateCols = "(sync_name VARCHAR NOT NULL, customer_key VARCHAR NOT NULL, destination_id VARCHAR, "
                    + "fingerprint VARCHAR, status VARCHAR NOT NULL, synced_at TIMESTAMP, run_id VARCHAR";
            String scoresFill = "SELECT 'm', 'm', DATE '2026-06-30', CAST(i AS VARCHAR), random(), NULL FROM range(" + n + ") r(i)";
            String stateFill = "SELECT 's', CAST(i AS VARCHAR), 'd' || i, md5(CAST(i AS VARCHAR)), 'synced', TIMESTAMP '2026-06-30 06:00:00', 'r1'"
                    + " FROM range(" + n + ") r(i)";
            String churn = "DELETE FROM %s WHERE sync_name = 's' AND customer_key IN (SELECT CAST(i AS VARCHAR) FROM range(0, "
                    + n + ", 100) r(i))";
            String upsert = "INSERT INTO %s SELECT 's', CAST(i AS VARCHAR), 'e' || i, 'f', 'synced', TIMESTAMP '2026-07-01 06:00:00', 'r2'"
                    + " FROM range(0, " + n + ", 100) r(i) ON CONFLICT (sync_name, customer_key) DO UPDATE SET fingerprint = excluded.fingerprint";
            double[][] s = new double[6][REPEAT];
            for (int i = 0; i < REPEAT; i++) {
                s[0][i] = fillThenTime(w, "ks_pk", scoresCols + ", PRIMARY KEY (model_id, as_of, customer_key))", scoresFill,
                        "DELETE FROM ks_pk WHERE model_id = 'm' AND as_of = DATE '2026-06-30'");
                s[1][i] = fillThenTime(w, "ks_nokey", scoresCols + ")", scoresFill,
                        "DELETE FROM ks_nokey WHERE model_id = 'm' AND as_of = DATE '2026-06-30'");
                s[2][i] = fillThenTime(w, "st_pk", stateCols + ", PRIMARY KEY (sync_name, customer_key))", stateFill,
                        "DELETE FROM st_pk WHERE sync_name = 's'");
                s[3][i] = fillThenTime(w, "st_nokey", stateCols + ")", stateFill, "DELETE FROM st_nokey WHERE sync_name = 's'");
                s[4][i] = fillThenTime(w, "st_pk", stateCols + ", PRIMARY KEY (sync_name, customer_key))", stateFill,
                        String.format(churn, "st_pk"));
                s[5][i] = fillThenTime(w, "st_nokey", stateCols + ")", stateFill, String.format(churn, "st_nokey"));
            }
            double up = fillThenTime(w, "st_pk", stateCols + ", PRIMARY KEY (sync_name, customer_key))", stateFill,
                    String.format(upsert, "st_pk"));
            System.out.printf("%,d rows: model_scores delete of one (model, as-of): with key %.2f s, without %.3f s;"
                            + " sync_state delete of a whole sync: with key %.2f s, without %.3f s;"
                            + " sync_state delete of 1%% (churn): with key %.3f s, without %.3f s; 1%% upsert with key %.3f s%n",
                    n, median(s[0]), median(s[1]), median(s[2]), median(s[3]), median(s[4]), median(s[5]), up);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static double fillThenTime(DuckDbWarehouse w, String table, String columns, String fill, String timed) {
        w.execute("DROP TABLE IF EXISTS " + table);
        w.execute("CREATE TABLE " + table + " " + columns);
        w.execute("INSERT INTO " + table + " " + fill);
        long t0 = System.nanoTime();
        w.execute(timed);
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
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
