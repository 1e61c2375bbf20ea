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

    /**
     * Two trees whose roots test the same split, and a node below one of them that the root already decides: one
     * {@code CASE} is left, and the decided node is gone.
     */
    @Test
    void treesTestingTheSameSplitShareOneCaseAndDecidedNodesAreSkipped() {
        Tree a = new Tree(new int[]{1, -1, -1}, new int[]{2, -1, -1}, new int[]{0, 0, 0},
                new float[]{0.5f, 1f, 2f}, new boolean[]{false, false, false});
        // root x < 0.5; its left child tests x < 4, always true there
        Tree b = new Tree(new int[]{1, 3, -1, -1, -1}, new int[]{2, 4, -1, -1, -1}, new int[]{0, 0, 0, 0, 0},
                new float[]{0.5f, 4f, 10f, 20f, 30f}, new boolean[]{false, false, false, false, false});
        String sql = new TreeSqlCompiler(new io.seglift.warehouse.duckdb.DuckDbDialect())
                .margin(new TreeEnsemble(List.of(a, b), 0, 1), List.of("x"));
        assertThat(sql.split("CASE WHEN", -1)).hasSize(2);
        assertThat(sql).doesNotContain(TreeSqlCompiler.lessThan("x", 4f)).doesNotContain("30.0E0");
        assertThat(sql).contains(TreeSqlCompiler.number(21.0)).contains(TreeSqlCompiler.number(12.0));
    }

    /**
     * Random models over two features whose nodes draw from a few thresholds (so trees share splits and branches
     * decide nodes below them), with random missing-value branches and the thresholds that send every present value
     * one way (NaN, -Infinity, +Infinity): DuckDB's value of the merged sum equals the sum of the leaves XGBoost's walk
     * reaches (within the leaf literals' rounding: wrong leaves are off by whole leaf values), for rows at, around and
     * away from every threshold, and missing.
     */
    @Test
    void mergedSumEqualsTheLeavesXgboostReachesWithMissingValues() {
        float[] pool = {0.5f, -3.25f, 1e-3f, Math.nextUp(2f), 2f, 7f, Float.NaN, Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY};
        Random r = new Random(11);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            TreeSqlCompiler compiler = new TreeSqlCompiler(w.dialect());
            List<Double> values = new java.util.ArrayList<>();
            for (float t : pool) {
                if (Float.isFinite(t)) {
                    double mid = (Math.nextDown(t) + (double) t) / 2;
                    values.addAll(List.of((double) t, mid, Math.nextUp(mid), Math.nextDown(mid)));
                }
            }
            values.addAll(java.util.Arrays.asList(null, -1e300, 1e300, 0.0));
            StringBuilder rows = new StringBuilder();
            List<double[]> javaRows = new java.util.ArrayList<>();
            for (Double x0 : values) {
                for (Double x1 : values) {
                    rows.append(rows.length() == 0 ? "" : ", ").append("(").append(javaRows.size()).append(", ")
                            .append(x0 == null ? "NULL" : TreeSqlCompiler.number(x0)).append(", ")
                            .append(x1 == null ? "NULL" : TreeSqlCompiler.number(x1)).append(")");
                    javaRows.add(new double[]{x0 == null ? Double.NaN : x0, x1 == null ? Double.NaN : x1});
                }
            }
            w.execute("CREATE TEMP TABLE rows_ AS SELECT * FROM (VALUES " + rows + ") v(id, x0, x1)");
            for (int model = 0; model < 20; model++) {
                List<Tree> trees = new java.util.ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    trees.add(randomTree(r, pool, 3 + r.nextInt(2)));
                }
                String sum = compiler.sumOf(trees, List.of("x0", "x1"));
                List<double[]> got = w.queryList("SELECT id, " + sum + " FROM rows_ ORDER BY id", List.of(),
                        row -> new double[]{((Number) row.get(0)).doubleValue(), ((Number) row.get(1)).doubleValue()});
                assertThat(got).hasSize(javaRows.size());
                for (double[] g : got) {
                    double[] x = javaRows.get((int) g[0]);
                    double expected = 0;
                    for (Tree t : trees) {
                        expected += t.leaf(x);
                    }
                    assertThat(g[1]).as("model %d row %s", model, java.util.Arrays.toString(x))
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    /** A complete tree of the given depth over two features, thresholds from {@code pool}. */
    private static Tree randomTree(Random r, float[] pool, int depth) {
        int nodes = (1 << (depth + 1)) - 1;
        int inner = (1 << depth) - 1;
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] condition = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        for (int n = 0; n < nodes; n++) {
            if (n < inner) {
                left[n] = 2 * n + 1;
                right[n] = 2 * n + 2;
                feature[n] = r.nextInt(2);
                condition[n] = pool[r.nextInt(pool.length)];
                defaultLeft[n] = r.nextBoolean();
            } else {
                left[n] = -1;
                right[n] = -1;
                condition[n] = (float) r.nextGaussian();
            }
        }
        return new Tree(left, right, feature, condition, defaultLeft);
    }
}
