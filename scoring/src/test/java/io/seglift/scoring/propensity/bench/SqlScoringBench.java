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
import io.seglift.scoring.propensity.train.XgbParams;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import io.seglift.scoring.propensity.score.OriginalShapeScorer;
import io.seglift.scoring.propensity.score.SqlScorePlan;
import io.seglift.scoring.propensity.score.StatementLimit;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL scoring shapes against each other and against XGBoost4J predict (training and the JVM path before and after
 * issue 14 are {@link PropensityBench}'s). Training time for ROWS x 30 features, and scoring throughput of the JVM and SQL paths on DuckDB for CUSTOMERS
 * customers, in one run. Synthetic data: 30 Gaussian features, 10% of values missing, label from a logistic model of
 * a few of them plus interactions. Args: [ROWS] [CUSTOMERS] (default 1,000,000 each) [ROUNDS] (when given, a model of
 * exactly ROUNDS trees is fitted without early stopping and training is not timed).
 */
public final class SqlScoringBench {
    static final int COLS = 30;

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLS; c++) {
            names.add("x" + c);
        }
        int fixedRounds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        byte[] modelJson = fixedRounds > 0 ? fixedRounds(synthetic(rows, 1), fixedRounds) : train(rows, names);
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
            TreeEnsemble ensemble = TreeEnsemble.parse(modelJson);
            ScoreRun jvm = new JvmScorer(w, Clock.systemUTC()).score("bench-jvm", "bench", modelJson, set, asOf);
            System.out.printf("scoring %,d customers, %d trees: JVM path %.1f s (%,.0f rows/s)%n", customers,
                    ensemble.trees().size(), jvm.millis() / 1000.0, jvm.customers() * 1000.0 / jvm.millis());
            scoreShapes(w, modelJson, ensemble, set, asOf, customers, names);
        }
    }

    /**
     * SQL scoring shapes alternated in one process, medians of 3, and XGBoost4J's own predict on the same rows as the
     * baseline: the old shape (IS NULL OR, one left-deep sum), the flipped comparisons with one column per tree and in
     * 8 column groups, the current plan (flipped, one balanced sum), and the current plan forced through the work
     * table in 4 parts.
     */
    static void scoreShapes(DuckDbWarehouse w, byte[] modelJson, TreeEnsemble ensemble, FeatureSet set,
                            LocalDate asOf, int customers, List<String> names) {
        Dialect d = w.dialect();
        List<String> refs = IntStream.range(0, names.size()).mapToObj(i -> "f.x" + i).toList();
        String source = "(SELECT customer_key" + IntStream.range(0, names.size())
                .mapToObj(i -> ", " + d.quote(names.get(i)) + " AS x" + i).collect(Collectors.joining())
                + " FROM (" + set.select(d) + ") n) f";
        String legacy = OriginalShapeScorer.scores(d, ensemble, set);
        String columns = grouped(d, ensemble, refs, source, ensemble.trees().size());
        String grouped8 = grouped(d, ensemble, refs, source, 8);
        int singleBytes = SqlScorePlan.of(d, ensemble, set, w.own(SqlScorer.WORK_TABLE)).scores().length();
        Warehouse quarter = StatementLimit.of(w, singleBytes / 4 + 8192, new ArrayList<>());
        Map<String, Supplier<Long>> shapes = new LinkedHashMap<>();
        shapes.put("old: IS NULL OR, one sum",
                () -> new OriginalShapeScorer(w, Clock.systemUTC()).score("bench-old", "bench", ensemble, set, asOf).customers());
        shapes.put("flipped, column per tree", () -> insert(w, "bench-columns", columns, asOf));
        shapes.put("flipped, 8 column groups", () -> insert(w, "bench-g8", grouped8, asOf));
        shapes.put("flipped, one sum (current)",
                () -> new SqlScorer(w, Clock.systemUTC()).score("bench-sql", "bench", ensemble, set, asOf).customers());
        shapes.put("current, split in 4 statements",
                () -> new SqlScorer(quarter, Clock.systemUTC()).score("bench-split", "bench", ensemble, set, asOf).customers());
        System.out.printf("expression sizes: old %,d chars, current %,d chars%n", legacy.length(), singleBytes);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (var e : shapes.entrySet()) {
                long t = System.nanoTime();
                long n = e.getValue().get();
                seconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e9);
                if (n != customers) {
                    throw new IllegalStateException(e.getKey() + " scored " + n + " rows");
                }
            }
        }
        List<Double> predict = new ArrayList<>();
        try {
            float[] flat = new float[customers * COLS];
            int[] i = {0};
            w.query(set.select(d), List.of(), r -> {
                for (int c = 0; c < COLS; c++) {
                    Object v = r.get(c + 1);
                    flat[i[0] * COLS + c] = v == null ? Float.NaN : ((Number) v).floatValue();
                }
                i[0]++;
            });
            Booster booster = XGBoost.loadModel(modelJson);
            for (int round = 0; round < 3; round++) {
                // a fresh DMatrix each round: XGBoost answers a repeated predict on one DMatrix from its cache
                DMatrix dm = new DMatrix(flat, customers, COLS, Float.NaN);
                long t = System.nanoTime();
                booster.predict(dm);
                predict.add((System.nanoTime() - t) / 1e9);
                dm.dispose();
            }
            booster.dispose();
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        double old = median(seconds.get("old: IS NULL OR, one sum"));
        seconds.forEach((k, v) -> System.out.printf("  %-36s median %.2f s (%,.0f rows/s), %.2fx the old shape; runs %s%n",
                k, median(v), customers / median(v), old / median(v), v));
        System.out.printf("  %-36s median %.2f s (%,.0f rows/s); runs %s%n", "XGBoost4J predict on a DMatrix",
                median(predict), customers / median(predict), predict);
        for (String other : List.of("bench-old", "bench-columns", "bench-g8", "bench-split", "bench-jvm")) {
            double worst = w.queryOne("SELECT MAX(ABS(a.score - b.score)), COUNT(*) FROM seglift.model_scores a JOIN "
                    + "seglift.model_scores b ON a.customer_key = b.customer_key WHERE a.model_id = 'bench-sql' AND "
                    + "b.model_id = '" + other + "'", List.of(), x -> ((Number) x.get(0)).doubleValue()).orElseThrow();
            System.out.printf("largest |current - %s| score difference: %.3g%n", other, worst);
        }
    }

    /**
     * Flipped trees summed in {@code groups} columns of an inner select; with one group per tree, the shape the SQL
     * path had before it went back to one sum (each tree its own column, summed outside).
     */
    private static String grouped(Dialect d, TreeEnsemble ensemble, List<String> refs, String source, int groups) {
        TreeSqlCompiler compiler = new TreeSqlCompiler(d);
        List<String> trees = compiler.trees(ensemble, refs);
        List<String> columns = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT customer_key");
        for (int g = 0; g < groups; g++) {
            List<String> mine = new ArrayList<>();
            for (int i = g; i < trees.size(); i += groups) {
                mine.add(trees.get(i));
            }
            inner.append(", ").append(TreeSqlCompiler.sum(mine)).append(" AS g").append(g);
            columns.add("g" + g);
        }
        return "SELECT customer_key, " + d.logistic(compiler.marginOf(ensemble, columns)) + " AS score FROM ("
                + inner + " FROM " + source + ") t";
    }

    /** Seglift's training (early stopping, refit), timed. */
    private static byte[] train(int rows, List<String> names) {
        LabeledMatrix train = synthetic(rows, 1);
        LabeledMatrix valid = synthetic(rows / 5, 2);
        long t0 = System.nanoTime();
        TrainedModel model = new ModelTrainer().train(train, valid, names, Map.of());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("training: %,d rows x %d features (+%,d validation rows), %d trees kept, %.1f s, validation AUC %.4f%n",
                rows, COLS, valid.rows(), model.rounds(), trainSeconds, model.validation().aucRoc());
        return model.modelJson();
    }

    /** A model of exactly {@code rounds} trees with Seglift's parameters, for scoring measurements only. */
    private static byte[] fixedRounds(LabeledMatrix m, int rounds) {
        try {
            DMatrix d = new DMatrix(m.x(), m.rows(), m.cols(), Float.NaN);
            d.setLabel(m.y());
            long pos = m.positives();
            Booster b = XGBoost.train(d, XgbParams.of(Map.of(), pos, m.rows() - pos).booster(), rounds, Map.of(), null, null);
            byte[] json = b.toByteArray("json");
            b.dispose();
            d.dispose();
            System.out.printf("model: %d trees trained on %,d rows (fixed rounds, Seglift's parameters)%n", rounds, m.rows());
            return json;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(Warehouse w, String id, String select, LocalDate asOf) {
        return w.transaction(tx -> {
            tx.execute("DELETE FROM seglift.model_scores WHERE model_id = '" + id + "'");
            return tx.execute("INSERT INTO seglift.model_scores (model_id, model_name, as_of, customer_key, score, "
                    + "decile) SELECT '" + id + "', 'bench', " + w.dialect().dateLiteral(asOf) + ", customer_key, score, "
                    + "NTILE(10) OVER (ORDER BY score, customer_key) FROM (" + select + ") s");
        });
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        return s.get(s.size() / 2);
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
