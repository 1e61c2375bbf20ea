package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label-column model driven through the CLI as a user would: a generated attribute table (no orders), {@code load},
 * {@code validate}, {@code models train --cv 3} in text and JSON, the stored model, and the messages for what a
 * project without orders cannot do.
 */
class LabelModelCliTest {
    @TempDir
    Path dir;

    /** 600 customers; churn depends on tenure, the contract and the charges (some blank), plus noise. */
    private Path csv() throws Exception {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("id,tenure,charges,contract,paperless,churned\n");
        String[] contracts = {"Month-to-month", "One year", "Two year"};
        for (int i = 0; i < 600; i++) {
            int tenure = random.nextInt(72);
            int contract = random.nextInt(3);
            double charges = 20 + random.nextDouble() * 100;
            double logit = 1.5 - tenure / 20.0 - contract * 1.2 + (charges - 70) / 40 + random.nextGaussian() * 0.7;
            String chargesText = i % 50 == 0 ? " " : String.format(Locale.ROOT, "%.2f", charges);
            b.append(String.format(Locale.ROOT, "C%04d,%d,%s,%s,%s,%s%n", i, tenure, chargesText, contracts[contract],
                    random.nextBoolean() ? "Yes" : "No", logit > 0 ? "Yes" : "No"));
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, b.toString());
        return file;
    }

    private Path project(String models) throws Exception {
        Path file = dir.resolve("seglift.yaml");
        Files.writeString(file, """
                project: attrs
                warehouse:
                  type: duckdb
                  path: attrs.duckdb
                sources:
                  customers:
                    table: raw.customers
                    key: id
                scoring:
                  models:
                """ + models);
        return file;
    }

    private static final String CHURN = """
                churn:
                  target: {label: {table: raw.customers, key: id, column: churned, positive: "Yes"}}
                  features: [label_table]
                  params: {num_round: 40, early_stopping_rounds: 10, max_depth: 3, nthread: 1}
            """;

    @Test
    void crossValidatesALabelModelWithoutOrdersInTextAndJson() throws Exception {
        Path data = csv();
        Path project = project(CHURN);
        String p = project.toString();
        CliRun load = CliRun.run(CliRun.session(), "load", "raw.customers", data.toString(), "-p", p);
        assertThat(load.exitCode()).as(load.err()).isEqualTo(ExitCode.OK);
        CliRun validate = CliRun.run(CliRun.session(), "validate", "-p", p);
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(ExitCode.OK);

        CliRun json = CliRun.run(CliRun.session(), "models", "train", "churn", "--cv", "3", "--format", "json", "-p", p);
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCode.OK);
        JsonNode r = Json.MAPPER.readTree(json.out());
        assertThat(r.path("k").asInt()).isEqualTo(3);
        assertThat(r.path("rows").asLong()).isEqualTo(600);
        assertThat(r.path("features").asInt()).as("tenure, charges, 3 contracts, 1-2 paperless").isBetween(5, 7);
        assertThat(r.path("folds")).hasSize(3);
        long held = 0;
        double sum = 0;
        for (JsonNode f : r.path("folds")) {
            held += f.path("rows").asLong();
            sum += f.path("auc").asDouble();
            assertThat(f.path("positives").asLong()).isPositive();
            assertThat(f.has("log_loss") && f.has("pr_auc") && f.has("brier")).isTrue();
        }
        assertThat(held).as("every row is held out exactly once").isEqualTo(600);
        assertThat(r.path("mean_auc").asDouble()).isCloseTo(sum / 3, org.assertj.core.api.Assertions.within(1e-12))
                .isBetween(0.75, 1.0);
        assertThat(r.path("std_auc").asDouble()).isBetween(0.0, 0.1);

        CliRun again = CliRun.run(CliRun.session(), "models", "train", "churn", "--cv", "3", "--format", "json", "-p", p);
        assertThat(Json.MAPPER.readTree(again.out()).path("folds")).as("same folds, same models")
                .isEqualTo(r.path("folds"));

        CliRun text = CliRun.run(CliRun.session(), "models", "train", "churn", "--cv", "3", "-p", p);
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("churn: 3-fold cross-validation, 600 rows", "FOLD", "LOG LOSS", "Mean AUC");

        CliRun trained = CliRun.run(CliRun.session(), "models", "train", "churn", "-p", p);
        assertThat(trained.exitCode()).as(trained.err()).isEqualTo(ExitCode.OK);
        assertThat(trained.out()).contains("Saved to");
    }

    @Test
    void commandsThatNeedOrdersSaySoAndAModelWithoutFeaturesIsRefusedBeforeTraining() throws Exception {
        Path data = csv();
        Files.writeString(dir.resolve("labels.csv"), "id,churned\nC1,Yes\nC2,No\nC3,Yes\nC4,No\n");
        Path project = project(CHURN + """
                    bare:
                      target: {label: {table: raw.labels, key: id, column: churned, positive: "Yes"}}
                """);
        String p = project.toString();
        assertThat(CliRun.run(CliRun.session(), "load", "raw.customers", data.toString(), "-p", p).exitCode()).isZero();
        assertThat(CliRun.run(CliRun.session(), "load", "raw.labels", dir.resolve("labels.csv").toString(), "-p", p)
                .exitCode()).isZero();

        CliRun audit = CliRun.run(CliRun.session(), "audit", "-p", p);
        assertThat(audit.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(audit.err()).contains("sources.orders is required for seglift audit: add sources.orders (table, "
                + "customer, at, and amount or quantity with unit_price) to " + project.toAbsolutePath());
        CliRun rfm = CliRun.run(CliRun.session(), "score", "rfm", "-p", p);
        assertThat(rfm.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(rfm.err()).contains("sources.orders is required for seglift score rfm");

        CliRun bare = CliRun.run(CliRun.session(), "models", "train", "bare", "-p", p);
        assertThat(bare.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(bare.err()).contains("scoring.models.bare.features: model 'bare' has no features")
                .doesNotContain("XGBoost", "at io.", "at ml.");
        CliRun bareCv = CliRun.run(CliRun.session(), "models", "train", "bare", "--cv", "2", "-p", p);
        assertThat(bareCv.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(bareCv.err()).contains("has no features");
    }

    @Test
    void validateRefusesOrderTargetsWithoutOrdersAndOrderFeaturesOnLabelModels() throws Exception {
        Path project = project(CHURN + """
                    churn_90d:
                      target: {churn_within_days: 90}
                    mixed:
                      target: {label: {table: raw.customers, key: id, column: churned, positive: "Yes"}}
                      features: [rfm]
                """);
        CliRun validate = CliRun.run(CliRun.session(), "validate", "-p", project.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(validate.out() + validate.err())
                .contains("churn_within_days is computed from purchases: sources.orders is required for it")
                .contains("'rfm' is computed from orders as of a cutoff and a label-column model has none")
                .doesNotContain("unknown value 'label_table'");
    }
}
