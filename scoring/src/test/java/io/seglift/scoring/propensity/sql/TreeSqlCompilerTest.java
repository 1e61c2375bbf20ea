package io.seglift.scoring.propensity.sql;

import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TreeSqlCompilerTest {

    /** Evaluates the generated comparison in Java: "x < (m)" or "x <= (m)". */
    private static boolean eval(String cond, double x) {
        String[] parts = cond.split(" ");
        double m = Double.parseDouble(parts[2].replace("(", "").replace(")", ""));
        return parts[1].equals("<") ? x < m : x <= m;
    }

    @Test
    void comparisonMatchesFloat32RoundingOfTheFeature() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float t = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(8) - 3));
            String cond = TreeSqlCompiler.lessThan("x", t);
            double below = Math.nextDown(t);
            double mid = (below + t) / 2;
            double[] probes = {t, below, mid, Math.nextUp(mid), Math.nextDown(mid), r.nextGaussian() * Math.abs(t)};
            for (double x : probes) {
                assertThat(eval(cond, x)).as("x=%s t=%s", x, t).isEqualTo((float) x < t);
            }
        }
    }

    @Test
    void theWarehouseReadsTheLiteralAsTheSameDouble() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Random r = new Random(5);
            for (int i = 0; i < 200; i++) {
                float t = (float) (r.nextGaussian() * 1000);
                double mid = (Math.nextDown(t) + (double) t) / 2;
                String sql = "SELECT CASE WHEN " + TreeSqlCompiler.lessThan("CAST(? AS DOUBLE)", t)
                        + " THEN 1 ELSE 0 END AS v";
                for (double x : new double[]{mid, Math.nextUp(mid), Math.nextDown(mid)}) {
                    long v = w.queryOne(sql, List.of(x), row -> ((Number) row.get(0)).longValue()).orElseThrow();
                    assertThat(v == 1).as("x=%s t=%s", x, t).isEqualTo((float) x < t);
                }
            }
        }
    }

    /**
     * One split per default direction and threshold kind, evaluated by DuckDB on missing, below, at and above the
     * threshold: the leaf reached must be the one XGBoost's walk ({@link Tree#leaf}) reaches. Fails if the flipped
     * comparison or the swapped branches are wrong.
     */
    @Test
    void missingAndPresentValuesReachTheSameLeafAsXgboost() {
        float[] thresholds = {0.5f, -3.25f, 1e-3f, Math.nextUp(2f), Float.NaN, Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY};
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            TreeSqlCompiler compiler = new TreeSqlCompiler(w.dialect());
            int checked = 0;
            for (boolean defaultLeft : new boolean[]{true, false}) {
                for (float t : thresholds) {
                    Tree split = new Tree(new int[]{1, -1, -1}, new int[]{2, -1, -1}, new int[]{0, 0, 0},
                            new float[]{t, 1f, 2f}, new boolean[]{defaultLeft, false, false});
                    String sql = "SELECT " + compiler.trees(new TreeEnsemble(List.of(split), 0, 1),
                            List.of("q.x")).get(0) + " AS v FROM (SELECT CAST(? AS DOUBLE) AS x) q";
                    assertThat(sql).doesNotContain("IS NULL OR");
                    double mid = Float.isFinite(t) ? (Math.nextDown(t) + (double) t) / 2 : 0;
                    for (Double x : new Double[]{null, (double) t, mid, Math.nextUp(mid), Math.nextDown(mid), -1e300,
                            1e300, 0.0}) {
                        if (x != null && (x.isNaN() || x.isInfinite())) {
                            continue;
                        }
                        double v = w.queryOne(sql, java.util.Collections.singletonList(x),
                                r -> ((Number) r.get(0)).doubleValue()).orElseThrow();
                        double expected = split.leaf(new double[]{x == null ? Double.NaN : x});
                        assertThat(v).as("t=%s defaultLeft=%s x=%s", t, defaultLeft, x).isEqualTo(expected);
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(90);
        }
    }

    @Test
    void treesAreSummedAsABalancedTree() {
        assertThat(TreeSqlCompiler.sum(List.of("a", "b", "c", "d"))).isEqualTo("((a + b) + (c + d))");
        assertThat(TreeSqlCompiler.sum(List.of("a", "b", "c"))).isEqualTo("(a + (b + c))");
        assertThat(TreeSqlCompiler.sum(List.of("a"))).isEqualTo("a");
    }
}
