package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JVM path over more rows than one pipeline block: every customer keeps its own score, and nothing is left. */
class JvmScorerTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final int ROWS = 2 * PredictPipeline.BLOCK + 1234;
    private DuckDbWarehouse w;
    private Booster booster;
    private byte[] model;

    @BeforeEach
    void setUp() throws Exception {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE main.people AS SELECT i AS id, CAST((hash(i) % 2000) / 100.0 - 10 AS DOUBLE) AS a,"
                + " CASE WHEN i % 7 = 0 THEN NULL ELSE CAST((hash(i * 3 + 1) % 1000) / 10.0 AS DOUBLE) END AS b"
                + " FROM range(" + ROWS + ") t(i)");
        float[] x = new float[ROWS * 2];
        float[] y = new float[ROWS];
        int[] n = {0};
        w.query("SELECT a, b FROM main.people ORDER BY id", List.of(), r -> {
            int i = n[0]++;
            x[2 * i] = (float) r.doubleOr(0, Double.NaN);
            x[2 * i + 1] = (float) r.doubleOr(1, Double.NaN);
            y[i] = x[2 * i] + (i % 5) > 2 ? 1 : 0;
        });
        DMatrix d = new DMatrix(x, ROWS, 2, Float.NaN);
        d.setLabel(y);
        booster = XGBoost.train(d, Map.of("objective", "binary:logistic", "max_depth", 4, "seed", 1, "nthread", 1),
                15, Map.of(), null, null);
        model = booster.toByteArray("json");
        d.dispose();
    }

    @AfterEach
    void tearDown() throws Exception {
        booster.dispose();
        w.close();
    }

    private FeatureSet people(List<String> columns) {
        List<Feature> f = columns.stream().map(c -> new Feature(c, "t", "p." + c)).toList();
        return new FeatureSet(f, "", w.dialect().castText("p.id"), "FROM main.people p", null, List.of());
    }

    private long workTables() {
        return w.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'model_score_rows%'"
                + " OR table_name LIKE 'model_scores_load%'");
    }

    @Test
    void everyCustomerGetsXgboostsScoreForItsOwnRowAcrossBlocks() throws Exception {
        ScoreRun run = new JvmScorer(w, Clock.systemUTC()).score("m1", "m", model, people(List.of("a", "b")), AS_OF);

        assertThat(run.customers()).isEqualTo(ROWS);
        assertThat(run.featureMillis()).isBetween(0L, run.millis());
        List<String> keys = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        w.query("SELECT CAST(id AS VARCHAR) AS k, a, b FROM main.people", List.of(), r -> {
            keys.add(r.string("k"));
            rows.add(new float[] {(float) r.doubleOr(1, Double.NaN), (float) r.doubleOr(2, Double.NaN)});
        });
        float[] x = new float[ROWS * 2];
        for (int i = 0; i < ROWS; i++) {
            System.arraycopy(rows.get(i), 0, x, 2 * i, 2);
        }
        DMatrix d = new DMatrix(x, ROWS, 2, Float.NaN);
        float[][] expected = booster.predict(d);
        d.dispose();
        Map<String, Double> stored = new HashMap<>();
        w.query("SELECT customer_key, score FROM seglift.model_scores WHERE model_id = 'm1'", List.of(),
                r -> stored.put(r.string("customer_key"), r.doubleValue("score")));
        assertThat(stored).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(stored.get(keys.get(i))).as("customer %s", keys.get(i)).isEqualTo((double) expected[i][0]);
        }
        assertThat(workTables()).isZero();
    }

    @Test
    void aFailedPredictionStopsTheRunAndLeavesNoWorkTable() {
        JvmScorer jvm = new JvmScorer(w, Clock.systemUTC());

        assertThatThrownBy(() -> jvm.score("m1", "m", model, people(List.of("a", "b", "id")), AS_OF))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.model_scores")).isZero();
        assertThat(workTables()).isZero();
    }
}
