package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IBM telco churn export ({@code ../shared/data/telco-customer-churn.csv}, 7,043 customers, label
 * {@code Churn = Yes}) driven through the CLI exactly as a user would: a project file with a customers source and no
 * orders, {@code seglift load}, {@code seglift validate}, {@code seglift models train churn --cv 5 --format json},
 * then the stored model trained and scored in SQL and in the JVM, which must agree on every customer.
 */
@Tag("acceptance")
class TelcoChurnAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void fiveFoldCrossValidationFromTheCliAndSqlScoresAgreeWithXgboost() throws Exception {
        Path csv = Path.of(System.getProperty("seglift.shared.data", "../../shared/data"), "telco-customer-churn.csv");
        assumeTrue(Files.isRegularFile(csv), "no " + csv);
        Path project = dir.resolve("seglift.yaml");
        Files.writeString(project, """
                project: telco
                warehouse:
                  type: duckdb
                  path: telco.duckdb
                sources:
                  customers:
                    table: raw.telco
                    key: customerID
                scoring:
                  models:
                    churn:
                      target: {label: {table: raw.telco, key: customerID, column: Churn, positive: "Yes"}}
                      features: [label_table]
                """);
        String p = project.toString();
        Session session = CliRun.session();

        CliRun load = CliRun.run(session, "load", "raw.telco", csv.toString(), "-p", p);
        assertThat(load.exitCode()).as(load.err()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).contains("7,043");
        CliRun validate = CliRun.run(session, "validate", "-p", p);
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(ExitCode.OK);

        CliRun cv = CliRun.run(session, "models", "train", "churn", "--cv", "5", "--format", "json", "-p", p);
        assertThat(cv.exitCode()).as(cv.err()).isEqualTo(ExitCode.OK);
        System.out.println(cv.out());
        JsonNode r = Json.MAPPER.readTree(cv.out());
        assertThat(r.path("rows").asLong()).isEqualTo(7043);
        assertThat(r.path("positives").asLong()).isEqualTo(1869);
        assertThat(r.path("folds")).hasSize(5);
        for (JsonNode f : r.path("folds")) {
            assertThat(f.path("auc").asDouble()).as("fold " + f.path("fold")).isBetween(0.78, 0.92);
        }
        assertThat(r.path("mean_auc").asDouble()).isBetween(0.80, 0.90);
        assertThat(r.path("notes").toString()).doesNotContain("TotalCharges");

        CliRun train = CliRun.run(session, "models", "train", "churn", "--format", "json", "-p", p);
        assertThat(train.exitCode()).as(train.err()).isEqualTo(ExitCode.OK);
        JsonNode meta = Json.MAPPER.readTree(train.out()).get(0);
        String id = meta.path("id").asText();
        assertThat(meta.toString()).contains("\"TotalCharges\"", "Contract__Month_to_month")
                .doesNotContain("\"customerID\"");

        Map<String, Double> sql = scores(session, p, id, "sql");
        Map<String, Double> jvm = scores(session, p, id, "jvm");
        assertThat(sql).hasSize(7043);
        assertThat(jvm.keySet()).isEqualTo(sql.keySet());
        sql.forEach((k, v) -> assertThat(v).as(k).isCloseTo(jvm.get(k), within(1e-5)));
    }

    private static Map<String, Double> scores(Session session, String project, String id, String path) {
        CliRun score = CliRun.run(session, "models", "score", "churn", "--path", path, "-p", project);
        assertThat(score.exitCode()).as(score.err()).isEqualTo(ExitCode.OK);
        CliRun rows = CliRun.run(session, "sql", "SELECT customer_key, score FROM seglift.model_scores WHERE model_id = '"
                + id + "'", "--format", "csv", "-p", project);
        assertThat(rows.exitCode()).as(rows.err()).isEqualTo(ExitCode.OK);
        Map<String, Double> out = new HashMap<>();
        rows.out().lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> {
            String[] parts = l.split(",");
            out.put(parts[0], Double.parseDouble(parts[1]));
        });
        return out;
    }
}
