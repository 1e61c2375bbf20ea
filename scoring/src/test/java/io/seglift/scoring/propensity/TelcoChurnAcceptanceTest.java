package io.seglift.scoring.propensity;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.ModelConfig;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.SourcesConfig;
import io.seglift.scoring.features.FeatureBuilder;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.train.LabelSql;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.scoring.propensity.train.ModelTrainer;
import io.seglift.spi.progress.Progress;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A label-column model on the IBM telco churn export: label {@code Churn = Yes}, features the table's own columns
 * (numbers as they are, {@code TotalCharges} text with 11 blanks read as numbers with missing values, categoricals
 * one-hot). Reports 5-fold cross-validated AUC and checks the SQL path against XGBoost on every row.
 */
@Tag("acceptance")
class TelcoChurnAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void fiveFoldCrossValidatedAucAndSqlAgreement() throws Exception {
        Path csv = Path.of(System.getProperty("seglift.shared.data", "../../shared/data"), "telco-customer-churn.csv");
        assumeTrue(Files.isRegularFile(csv), "no " + csv);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Migrator.discover().migrate(w);
            w.execute("CREATE SCHEMA raw");
            TableName telco = TableName.parse("raw.telco", "test");
            w.loadFile(csv, telco, Progress.NONE);
            ModelConfig.LabelColumn label = new ModelConfig.LabelColumn(telco, "customerID", "Churn", "Yes");
            ModelConfig model = new ModelConfig("telco_churn", new ModelConfig.Target(ModelConfig.Target.Kind.LABEL, 0,
                    Optional.of(label)), List.of("label_table"), Map.of(), Map.of());
            SourcesConfig sources = new SourcesConfig(
                    new CustomersSource(telco, "customerID", Map.of(), ConsentColumns.none(), Optional.empty()),
                    new OrdersSource(telco, "customerID", "tenure", Optional.empty(), Optional.of("MonthlyCharges"),
                            Optional.empty(), Optional.empty(), Optional.empty(), OrderRules.defaults()),
                    Optional.empty(), Optional.empty());

            FeatureSet features = new FeatureBuilder(sources, w).build(model, null);
            assertThat(features.names()).contains("tenure", "MonthlyCharges", "TotalCharges", "Contract__Month_to_month",
                    "PaymentMethod__Electronic_check").doesNotContain("customerID", "Churn");
            LabelSql labels = new LabelSql(sources, w.dialect());
            LabeledMatrix all = new MatrixLoader(w).load(labels.ordered(labels.frame(model, features)), features.names());
            assertThat(all.rows()).isEqualTo(7043);
            int totalCol = features.names().indexOf("TotalCharges");
            long missing = IntStream.range(0, all.rows()).filter(r -> Float.isNaN(all.x()[r * all.cols() + totalCol])).count();
            assertThat(missing).isEqualTo(11);

            // 5 folds by row position in key order; inside the 4 training folds one is used for early stopping
            double[] aucs = new double[5];
            for (int k = 0; k < 5; k++) {
                int fold = k;
                int stop = (k + 1) % 5;
                LabeledMatrix test = all.select(IntStream.range(0, all.rows()).filter(r -> r % 5 == fold).toArray());
                LabeledMatrix early = all.select(IntStream.range(0, all.rows()).filter(r -> r % 5 == stop).toArray());
                LabeledMatrix train = all.select(IntStream.range(0, all.rows())
                        .filter(r -> r % 5 != fold && r % 5 != stop).toArray());
                var trained = new ModelTrainer().train(train, early, features.names(), Map.of("max_depth", 3));
                Booster b = XGBoost.loadModel(trained.modelJson());
                DMatrix dm = new DMatrix(test.x(), test.rows(), test.cols(), Float.NaN);
                float[][] p = b.predict(dm);
                double[] pd = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    pd[i] = p[i][0];
                }
                aucs[k] = io.seglift.scoring.propensity.metrics.BinaryMetrics.aucRoc(pd, test.y());
                b.dispose();
                dm.dispose();
            }
            double mean = java.util.Arrays.stream(aucs).average().orElseThrow();
            System.out.printf("telco 5-fold AUC: %s, mean %.4f%n", java.util.Arrays.toString(aucs), mean);
            assertThat(mean).isGreaterThan(0.80);

            // the full path: train (80/20 by key hash), register, score in SQL, compare with XGBoost on every row
            PropensityModels models = new PropensityModels(sources, w, dir, Clock.systemUTC(), Progress.NONE);
            TrainOutcome out = models.train(model, LocalDate.of(2026, 6, 30));
            System.out.println(ModelReportText.render(out.metadata()));
            assertThat(out.metadata().validation().aucRoc()).isGreaterThan(0.80);
            StoredModel stored = models.registry().find(out.metadata().id()).orElseThrow();
            LocalDate asOf = LocalDate.of(2026, 6, 30);
            models.score(stored, model, asOf, "sql");
            Map<String, Double> sql = new HashMap<>();
            w.query("SELECT customer_key, score FROM seglift.model_scores WHERE model_id = ?", List.of(stored.metadata().id()),
                    r -> sql.put(r.string("customer_key"), r.doubleValue("score")));
            FeatureSet scoring = models.scoringFeatures(stored, model, asOf);
            List<String> keys = new ArrayList<>();
            List<Float> flat = new ArrayList<>();
            w.query(scoring.select(w.dialect()), List.of(), r -> {
                keys.add(r.string("customer_key"));
                for (int c = 0; c < scoring.names().size(); c++) {
                    Object v = r.get(c + 1);
                    flat.add(v == null ? Float.NaN : (float) ((Number) v).doubleValue());
                }
            });
            float[] x = new float[flat.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = flat.get(i);
            }
            Booster b = XGBoost.loadModel(stored.modelJson());
            float[][] expected = b.predict(new DMatrix(x, keys.size(), scoring.names().size(), Float.NaN));
            assertThat(sql).hasSize(7043);
            for (int i = 0; i < keys.size(); i++) {
                assertThat(sql.get(keys.get(i))).as(keys.get(i)).isCloseTo(expected[i][0], within(1e-5));
            }
            b.dispose();
        }
    }
}
