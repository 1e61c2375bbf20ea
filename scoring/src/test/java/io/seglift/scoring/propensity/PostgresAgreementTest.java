package io.seglift.scoring.propensity;

import io.seglift.config.ModelConfig;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.spi.progress.Progress;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole model path on PostgreSQL: features, leak guard, training, both scoring paths against XGBoost. */
class PostgresAgreementTest {
    @TempDir
    Path dir;

    @Test
    void bothPathsAgreeWithXgboostOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            try (Warehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift")) {
                Migrator.discover().migrate(w);
                SyntheticShop.create(w, 1500, 11);
                LocalDate asOf = PropensityModelsTest.AS_OF;
                ModelConfig cfg = PropensityModelsTest.purchaseModel(Map.of("age", "c.age"));
                PropensityModels models = new PropensityModels(SyntheticShop.sources(), w, dir, Clock.systemUTC(),
                        Progress.NONE);
                TrainOutcome out = models.train(cfg, asOf);
                assertThat(out.leakCheck().clean()).isTrue();
                assertThat(out.metadata().validation().aucRoc()).isGreaterThan(0.65);
                StoredModel stored = models.registry().find(out.metadata().id()).orElseThrow();
                models.score(stored, cfg, asOf, "sql");
                Map<String, Double> sql = scores(w, stored.metadata().id());
                models.score(stored, cfg, asOf, "jvm");
                Map<String, Double> jvm = scores(w, stored.metadata().id());
                assertThat(w.queryLong("SELECT COUNT(DISTINCT decile) FROM seglift.model_scores")).isEqualTo(10);
                double worst = Agreement.check(w, models.scoringFeatures(stored, cfg, asOf), stored.modelJson(), sql, jvm);
                System.out.println("largest |sql - xgboost| on PostgreSQL: " + worst);
            }
        }
    }

    private static Map<String, Double> scores(Warehouse w, String id) {
        Map<String, Double> m = new HashMap<>();
        w.query("SELECT customer_key, score FROM seglift.model_scores WHERE model_id = ?", List.of(id),
                r -> m.put(r.string("customer_key"), r.doubleValue("score")));
        return m;
    }
}
