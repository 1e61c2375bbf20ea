package io.seglift.scoring.propensity;

import io.seglift.config.ModelConfig;
import io.seglift.scoring.features.FeatureBuilder;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.features.LeakGuard;
import io.seglift.scoring.features.LeakReport;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.score.ScoreRun;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.train.LabelSql;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.spi.progress.Progress;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PropensityModelsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private DuckDbWarehouse w;
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-30T06:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        SyntheticShop.create(w, 4000, 7);
    }

    @AfterAll
    void tearDown() {
        w.close();
    }

    static ModelConfig purchaseModel(Map<String, String> sql) {
        return new ModelConfig("buy_30d", new ModelConfig.Target(ModelConfig.Target.Kind.PURCHASE, 30, Optional.empty()),
                List.of(), sql, Map.of("num_round", 60));
    }

    private PropensityModels models() {
        return new PropensityModels(SyntheticShop.sources(), w, dir, clock, Progress.NONE);
    }

    @Test
    void trainsRegistersAndBothScoringPathsAgreeWithXgboost() throws Exception {
        ModelConfig cfg = purchaseModel(Map.of("age", "c.age"));
        TrainOutcome out = models().train(cfg, AS_OF);
        var meta = out.metadata();
        assertThat(meta.id()).startsWith("buy_30d-20260630060000-");
        assertThat(meta.trainingCutoff()).isEqualTo(AS_OF.minusDays(60));
        assertThat(meta.validationCutoff()).isEqualTo(AS_OF.minusDays(30));
        assertThat(meta.validation().aucRoc()).isGreaterThan(0.7);
        assertThat(meta.validation().calibration()).hasSize(10);
        assertThat(meta.validation().importances()).isNotEmpty();
        assertThat(meta.featureNames()).contains("recency_days", "orders_90d", "orders_trend_90d", "tenure_days",
                "avg_order_value", "distinct_categories", "opens_30d", "clicks_30d", "age");
        assertThat(Files.exists(out.directory().resolve("model.json"))).isTrue();
        assertThat(models().registry().list()).extracting(s -> s.id()).contains(meta.id());

        StoredModel stored = models().registry().find(meta.id()).orElseThrow();
        assertThat(stored.metadata().fingerprint()).isEqualTo(meta.fingerprint());

        ScoreRun sql = models().score(stored, cfg, AS_OF, "sql");
        Map<String, Double> sqlScores = scores(meta.id());
        Map<String, Integer> deciles = deciles(meta.id());
        ScoreRun jvm = models().score(stored, cfg, AS_OF, "jvm");
        Map<String, Double> jvmScores = scores(meta.id());
        assertThat(sql.customers()).isEqualTo(jvm.customers()).isGreaterThan(1000);
        assertThat(deciles(meta.id())).isEqualTo(deciles);

        double worst = Agreement.check(w, models().scoringFeatures(stored, cfg, AS_OF), stored.modelJson(), sqlScores,
                jvmScores);
        System.out.println("largest |sql - xgboost| on DuckDB: " + worst);
    }


    @Test
    void trainingIsDeterministic() {
        ModelConfig cfg = purchaseModel(Map.of());
        var a = models().train(cfg, AS_OF.minusDays(7)).metadata();
        var b = models().train(cfg, AS_OF.minusDays(7)).metadata();
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(b.validation().aucRoc()).isEqualTo(a.validation().aucRoc());
    }

    @Test
    void churnModelLearnsOnActiveCustomers() {
        ModelConfig cfg = new ModelConfig("churn_90d", new ModelConfig.Target(ModelConfig.Target.Kind.CHURN, 90,
                Optional.empty()), List.of("rfm", "behaviour", "trend"), Map.of(), Map.of("num_round", 60));
        var meta = models().train(cfg, AS_OF).metadata();
        assertThat(meta.validation().aucRoc()).isGreaterThan(0.7);
        assertThat(meta.featureNames()).doesNotContain("opens_30d");
    }

    @Test
    void leakGuardNamesAFeatureThatReadsFutureOrders() {
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("age", "c.age");
        sql.put("lifetime_orders", "(SELECT COUNT(*) FROM shop.orders o2 WHERE o2.customer_id = c.id)");
        LeakReport report = new LeakGuard(w, SyntheticShop.sources()).check(purchaseModel(sql), LocalDate.of(2025, 6, 1));
        assertThat(report.clean()).isFalse();
        assertThat(report.differingFeatures()).containsOnlyKeys("lifetime_orders");
        assertThat(new LeakGuard(w, SyntheticShop.sources()).check(purchaseModel(Map.of("age", "c.age")),
                LocalDate.of(2025, 6, 1)).clean()).isTrue();
        assertThatThrownBy(() -> models().train(purchaseModel(sql), AS_OF)).hasMessageContaining("lifetime_orders");
    }

    @Test
    void everyBuiltInFeatureGroupPassesTheProbe() {
        LocalDate cutoff = LocalDate.of(2025, 6, 1);
        assertThat(w.queryLong("SELECT COUNT(*) FROM shop.orders WHERE CAST(ordered_at AS DATE) >= DATE '2025-06-01'"))
                .isPositive();
        assertThat(w.queryLong("SELECT COUNT(*) FROM shop.events WHERE CAST(event_at AS DATE) >= DATE '2025-06-01'"))
                .isPositive();
        for (ModelConfig.Target.Kind kind : List.of(ModelConfig.Target.Kind.PURCHASE, ModelConfig.Target.Kind.CHURN)) {
            ModelConfig builtIn = new ModelConfig("all_groups", new ModelConfig.Target(kind, 30, Optional.empty()),
                    FeatureBuilder.DEFAULT_GROUPS, Map.of(), Map.of());
            assertThat(LeakGuard.needsProbe(builtIn)).isFalse();
            FeatureSet set = new FeatureBuilder(SyntheticShop.sources(), w).build(builtIn, cutoff);
            assertThat(set.notes()).as("no group skipped").isEmpty();
            assertThat(set.names()).contains("recency_days", "orders_90d", "orders_trend_90d", "tenure_days",
                    "avg_order_value", "distinct_categories", "opens_30d");
            LeakReport report = new LeakGuard(w, SyntheticShop.sources()).check(builtIn, cutoff);
            assertThat(report.clean()).as(kind + ": " + report.describe()).isTrue();
        }
    }

    @Test
    void trainingWithoutSqlFeaturesLeavesTheProbeViewsAlone() {
        w.execute("CREATE OR REPLACE VIEW seglift.pit_guard_orders_view AS SELECT 1 AS sentinel");
        try {
            models().train(purchaseModel(Map.of()), AS_OF);
            assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.pit_guard_orders_view")).isOne();
            assertThatThrownBy(() -> models().train(purchaseModel(Map.of("lifetime_orders",
                    "(SELECT COUNT(*) FROM shop.orders o2 WHERE o2.customer_id = c.id)")), AS_OF))
                    .hasMessageContaining("lifetime_orders");
        } finally {
            w.execute("DROP VIEW IF EXISTS seglift.pit_guard_orders_view");
        }
    }

    @Test
    void leakFlagsReadWithTheValidationRowsAgreeWithTheLeakGuardAndLeaveTheMatrixUnchanged() {
        LocalDate cutoff = LocalDate.of(2025, 6, 1);
        Map<String, String> leaking = new LinkedHashMap<>();
        leaking.put("age", "c.age");
        leaking.put("lifetime_orders", "(SELECT COUNT(*) FROM shop.orders o2 WHERE o2.customer_id = c.id)");
        LeakGuard guard = new LeakGuard(w, SyntheticShop.sources());
        LeakReport report = guard.check(purchaseModel(leaking), cutoff);
        assertThat(report.differingFeatures()).containsOnlyKeys("lifetime_orders");
        assertThat(flagged(guard, purchaseModel(leaking), cutoff).flaggedRows())
                .isEqualTo(report.differingFeatures().get("lifetime_orders") + report.populationDifferences());

        ModelConfig clean = purchaseModel(Map.of("age", "c.age"));
        MatrixLoader.FlaggedMatrix checked = flagged(guard, clean, cutoff);
        FeatureSet set = new FeatureBuilder(SyntheticShop.sources(), w).build(clean, cutoff);
        LabelSql labels = new LabelSql(SyntheticShop.sources(), w.dialect());
        LabeledMatrix plain = new MatrixLoader(w).load(labels.ordered(labels.frame(clean, set)), set.names());
        assertThat(checked.flaggedRows()).isZero();
        assertThat(checked.matrix().rows()).isEqualTo(plain.rows()).isPositive();
        assertThat(checked.matrix().fingerprint()).isEqualTo(plain.fingerprint());
        assertThat(checked.matrix().x()).containsExactly(plain.x());
        assertThat(checked.matrix().y()).containsExactly(plain.y());
        assertThat(w.queryOne("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'pit_guard%'",
                List.of(), r -> ((Number) r.get(0)).longValue()).orElseThrow()).isZero();
    }

    private MatrixLoader.FlaggedMatrix flagged(LeakGuard guard, ModelConfig model, LocalDate cutoff) {
        FeatureSet set = new FeatureBuilder(SyntheticShop.sources(), w).build(model, cutoff);
        LabelSql labels = new LabelSql(SyntheticShop.sources(), w.dialect());
        try (LeakGuard.Probe probe = guard.probe(model, cutoff)) {
            return new MatrixLoader(w).loadFlagged(labels.ordered(probe.flagged(labels.frame(model, set), set.names())),
                    set.names());
        }
    }

    private Map<String, Double> scores(String id) {
        Map<String, Double> m = new HashMap<>();
        w.query("SELECT customer_key, score FROM seglift.model_scores WHERE model_id = ? AND as_of = ?",
                List.of(id, AS_OF), r -> m.put(r.string("customer_key"), r.doubleValue("score")));
        return m;
    }

    private Map<String, Integer> deciles(String id) {
        Map<String, Integer> m = new HashMap<>();
        w.query("SELECT customer_key, decile FROM seglift.model_scores WHERE model_id = ? AND as_of = ?",
                List.of(id, AS_OF), r -> m.put(r.string("customer_key"), ((Number) r.get("decile")).intValue()));
        return m;
    }
}
