package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.Tree;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlScorePlanTest {
    static final int FEATURES = 12;
    static final int ROWS = 3000;
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-30T06:00:00Z"), ZoneOffset.UTC);
    private DuckDbWarehouse w;
    private FeatureSet features;
    private final Map<String, double[]> rows = new HashMap<>();

    @BeforeAll
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE SCHEMA shop");
        StringBuilder ddl = new StringBuilder("CREATE TABLE shop.people (id BIGINT");
        List<Feature> list = new ArrayList<>();
        for (int c = 0; c < FEATURES; c++) {
            ddl.append(", f").append(c).append(" DOUBLE");
            list.add(new Feature("f" + c, "test", "t.f" + c));
        }
        w.execute(ddl.append(")").toString());
        Random r = new Random(11);
        for (int i = 0; i < ROWS; i++) {
            double[] row = new double[FEATURES];
            StringBuilder values = new StringBuilder("INSERT INTO shop.people VALUES (" + i);
            for (int c = 0; c < FEATURES; c++) {
                row[c] = r.nextDouble() < 0.15 ? Double.NaN : r.nextGaussian() * 10;
                values.append(", ").append(Double.isNaN(row[c]) ? "NULL" : Double.toString(row[c]));
            }
            w.execute(values.append(")").toString());
            rows.put(Long.toString(i), row);
        }
        features = new FeatureSet(list, "", w.dialect().castText("t.id"), "FROM shop.people t", null, List.of());
    }

    @AfterAll
    void tearDown() {
        w.close();
    }

    @Test
    void aModelOverTheLimitIsSplitEveryStatementFitsAndScoresAreEqual() {
        TreeEnsemble big = model(300, 6, 3);
        Map<String, Double> whole = score(w, big, "whole");
        int limit = 150_000;
        List<Integer> sizes = new ArrayList<>();
        Warehouse limited = StatementLimit.of(w, limit, sizes);
        SqlScorePlan plan = SqlScorePlan.of(limited.dialect(), big, features, TableName.of("seglift", "parts"));
        assertThat(plan.split()).isTrue();
        assertThat(plan.groups()).isGreaterThan(3);
        assertThat(plan.statements()).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(limit));
        Map<String, Double> split = score(limited, big, "split");
        assertThat(sizes).hasSizeGreaterThan(plan.groups()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit));
        assertThat(split).hasSize(ROWS);
        for (var e : whole.entrySet()) {
            assertThat(split.get(e.getKey())).as("split score of %s", e.getKey()).isCloseTo(e.getValue(), within(1e-12));
            assertThat(e.getValue()).as("score of %s", e.getKey()).isCloseTo(big.predict(rows.get(e.getKey())),
                    within(1e-5));
        }
        assertThat(w.tableExists(w.own(SqlScorer.WORK_TABLE))).as("the work table is dropped").isFalse();
        System.out.printf("large model (300 trees, depth 6): one statement %,d bytes; split into %d under %,d bytes%n",
                SqlScorePlan.of(w.dialect(), big, features, w.own("p")).scores().length(), plan.groups(), limit);
    }

    @Test
    void aModelThatFitsIsOneStatementWithOneBalancedSumOfTheTrees() {
        TreeEnsemble small = model(5, 3, 4);
        SqlScorePlan plan = SqlScorePlan.of(w.dialect(), small, features, w.own("p"));
        assertThat(plan.split()).isFalse();
        assertThat(plan.statements()).hasSize(1);
        assertThat(plan.scores()).contains(new TreeSqlCompiler(w.dialect()).margin(small,
                        List.of("f.x0", "f.x1", "f.x2", "f.x3", "f.x4", "f.x5", "f.x6", "f.x7", "f.x8", "f.x9", "f.x10",
                                "f.x11")))
                .doesNotContain("IS NULL OR").doesNotContain(" AS t0");
    }

    @Test
    void theOriginalShapeBaselineScoresEveryCustomerAsTheCurrentPlanDoes() {
        TreeEnsemble model = model(40, 5, 6);
        Map<String, Double> current = score(w, model, "shape-current");
        new OriginalShapeScorer(w, clock).score("shape-original", "m", model, features, AS_OF);
        Map<String, Double> original = read("shape-original");
        assertThat(original).hasSize(ROWS);
        for (var e : current.entrySet()) {
            assertThat(original.get(e.getKey())).as("original-shape score of %s", e.getKey())
                    .isCloseTo(e.getValue(), within(1e-12));
        }
        assertThat(OriginalShapeScorer.scores(w.dialect(), model, features)).contains(" IS NULL OR ");
    }

    @Test
    void aTreeLargerThanAStatementIsRefusedWithItsSize() {
        Warehouse tiny = StatementLimit.of(w, 6000, new ArrayList<>());
        assertThatThrownBy(() -> SqlScorePlan.of(tiny.dialect(), model(3, 8, 5), features, w.own("p")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tree 0").hasMessageContaining("bytes");
    }

    private Map<String, Double> score(Warehouse on, TreeEnsemble model, String id) {
        new SqlScorer(on, clock).score(id, "m", model, features, AS_OF);
        return read(id);
    }

    private Map<String, Double> read(String id) {
        Map<String, Double> out = new HashMap<>();
        w.query("SELECT customer_key, score FROM seglift.model_scores WHERE model_id = ?", List.of(id),
                r -> out.put(r.string("customer_key"), ((Number) r.get(1)).doubleValue()));
        return out;
    }

    /** {@code trees} complete trees of {@code depth} over random features, thresholds near the data (seeded). */
    static TreeEnsemble model(int trees, int depth, long seed) {
        Random r = new Random(seed);
        int nodes = (1 << (depth + 1)) - 1;
        List<Tree> out = new ArrayList<>();
        for (int k = 0; k < trees; k++) {
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] feature = new int[nodes];
            float[] cond = new float[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            for (int n = 0; n < nodes; n++) {
                boolean leaf = n >= (1 << depth) - 1;
                left[n] = leaf ? -1 : 2 * n + 1;
                right[n] = leaf ? -1 : 2 * n + 2;
                feature[n] = r.nextInt(FEATURES);
                cond[n] = (float) (leaf ? r.nextGaussian() * 0.05 : r.nextGaussian() * 10);
                defaultLeft[n] = r.nextBoolean();
            }
            out.add(new Tree(left, right, feature, cond, defaultLeft));
        }
        return new TreeEnsemble(out, -0.3, FEATURES);
    }
}
