package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
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
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreTableTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final int ROWS = 3_000;
    private DuckDbWarehouse w;
    private byte[] model;

    @BeforeEach
    void setUp() throws Exception {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE main.people (id BIGINT, a DOUBLE, b DOUBLE)");
        Random r = new Random(5);
        float[] x = new float[ROWS * 2];
        float[] y = new float[ROWS];
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = i % 9 == 0 ? Float.NaN : (float) r.nextGaussian();
            y[i] = x[2 * i] + r.nextGaussian() > 0.5 ? 1 : 0;
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(x[2 * i]).append(", ")
                    .append(Float.isNaN(x[2 * i + 1]) ? "NULL" : Float.toString(x[2 * i + 1])).append(")");
        }
        w.execute("INSERT INTO main.people VALUES " + values);
        DMatrix d = new DMatrix(x, ROWS, 2, Float.NaN);
        d.setLabel(y);
        Booster b = XGBoost.train(d, Map.of("objective", "binary:logistic", "max_depth", 3, "seed", 1, "nthread", 1),
                20, Map.of(), null, null);
        model = b.toByteArray("json");
        b.dispose();
        d.dispose();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private FeatureSet people(String from) {
        List<Feature> f = List.of(new Feature("a", "t", "p.a"), new Feature("b", "t", "p.b"));
        return new FeatureSet(f, "", w.dialect().castText("p.id"), from, null, List.of());
    }

    private long rows(String modelId, LocalDate asOf) {
        return w.queryLong("SELECT COUNT(*) FROM seglift.model_scores WHERE model_id = ? AND as_of = ?", modelId, asOf);
    }

    @Test
    void modelScoresHasNoPrimaryKeyIndex() {
        assertThat(w.queryLong("SELECT COUNT(*) FROM duckdb_constraints() WHERE table_name = 'model_scores' "
                + "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')")).isZero();
    }

    @Test
    void rescoringADateReplacesItsRowsOnBothPathsAndLeavesOtherDates() throws Exception {
        JvmScorer jvm = new JvmScorer(w, Clock.systemUTC());
        SqlScorer sql = new SqlScorer(w, Clock.systemUTC());
        jvm.score("m1", "m", model, people("FROM main.people p"), AS_OF.minusDays(1));
        for (int run = 0; run < 2; run++) {
            assertThat(jvm.score("m1", "m", model, people("FROM main.people p"), AS_OF).customers()).isEqualTo(ROWS);
            assertThat(sql.score("m2", "m", TreeEnsemble.parse(model), people("FROM main.people p"), AS_OF).customers())
                    .isEqualTo(ROWS);
        }
        assertThat(rows("m1", AS_OF)).isEqualTo(ROWS);
        assertThat(rows("m2", AS_OF)).isEqualTo(ROWS);
        assertThat(rows("m1", AS_OF.minusDays(1))).isEqualTo(ROWS);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.model_scores a JOIN seglift.model_scores b "
                + "ON a.customer_key = b.customer_key AND a.as_of = b.as_of WHERE a.model_id = 'm1' AND b.model_id = 'm2' "
                + "AND ABS(a.score - b.score) <= 1e-5 AND a.decile = b.decile")).isEqualTo(ROWS);
        assertThat(w.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'model_scores_load%'"))
                .isZero();
    }

    @Test
    void repeatedCustomerKeysAreRefusedAndTheDateKeepsItsScores() {
        JvmScorer jvm = new JvmScorer(w, Clock.systemUTC());
        SqlScorer sql = new SqlScorer(w, Clock.systemUTC());
        jvm.score("m1", "m", model, people("FROM main.people p"), AS_OF);
        sql.score("m2", "m", TreeEnsemble.parse(model), people("FROM main.people p"), AS_OF);
        FeatureSet twice = people("FROM (SELECT * FROM main.people UNION ALL SELECT * FROM main.people WHERE id < 5) p");
        assertThatThrownBy(() -> jvm.score("m1", "m", model, twice, AS_OF)).hasMessageContaining("5 repeated customer keys");
        assertThatThrownBy(() -> sql.score("m2", "m", TreeEnsemble.parse(model), twice, AS_OF))
                .hasMessageContaining("5 repeated customer keys");
        assertThat(rows("m1", AS_OF)).isEqualTo(ROWS);
        assertThat(rows("m2", AS_OF)).isEqualTo(ROWS);
    }
}
