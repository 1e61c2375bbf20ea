package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clustering on UCI Online Retail from the CLI, as a user runs it: {@code seglift load}, {@code seglift score rfm},
 * {@code seglift score clusters --format json}. Prints k, silhouette, bootstrap stability and the descriptions.
 */
@Tag("acceptance")
class ClustersAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void onlineRetailFromTheCli() throws Exception {
        String shared = System.getProperty("seglift.shared.data", "");
        Path file = Path.of(shared, "online_retail.csv.gz");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isRegularFile(file), "no " + file);
        Path project = dir.resolve("seglift.yaml");
        Files.writeString(project, """
                project: retail
                warehouse: {type: duckdb, path: %s}
                sources:
                  customers: {table: raw.online_retail, key: CustomerID}
                  orders:
                    table: raw.online_retail
                    customer: CustomerID
                    at: InvoiceDate
                    order_id: InvoiceNo
                    quantity: Quantity
                    unit_price: UnitPrice
                    rules: {count_by: order, cancelled_when: "CAST(\\"InvoiceNo\\" AS VARCHAR) LIKE 'C%%'", cancellations: exclude}
                scoring:
                  clusters: {features: [recency_days, frequency, monetary_avg], k: {min: 2, max: 6}, sample: 20000, seed: 1}
                """.formatted(dir.resolve("retail.duckdb")));
        String p = project.toString();
        CliRun load = CliRun.run(CliRun.session(), "load", "--project", p, "raw.online_retail", file.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        CliRun rfm = CliRun.run(CliRun.session(), "score", "rfm", "--project", p, "--as-of", "2011-12-10",
                "--format", "json");
        assertThat(rfm.exitCode()).as(rfm.err()).isZero();
        JsonNode rfmJson = new ObjectMapper().readTree(rfm.out());
        assertThat(rfmJson.get("customers").asLong()).isEqualTo(4_338);

        CliRun clusters = CliRun.run(CliRun.session(), "score", "clusters", "--project", p, "--as-of", "2011-12-10",
                "--format", "json");
        System.out.println(clusters.out());
        System.out.println(clusters.err());
        JsonNode j = new ObjectMapper().readTree(clusters.out());
        assertThat(j.get("customers").asLong()).isEqualTo(4_338);
        assertThat(j.get("sample").asInt()).isEqualTo(4_338);
        assertThat(j.get("k").asInt()).isBetween(2, 6);
        assertThat(j.get("silhouette_by_k")).hasSize(5);
        assertThat(j.get("stability").get("jaccard")).hasSize(j.get("k").asInt());
        assertThat(j.get("clusters")).allSatisfy(c -> assertThat(c.get("description").asText()).isNotBlank());
        if (j.get("supported").asBoolean()) {
            assertThat(clusters.exitCode()).isEqualTo(ExitCode.OK);
            long assigned = 0;
            for (JsonNode n : j.get("sizes")) {
                assigned += n.asLong();
            }
            assertThat(assigned).isEqualTo(4_338);
            assertThat(j.get("silhouette").asDouble()).isGreaterThanOrEqualTo(0.25);
            assertThat(j.get("stability").get("ari_mean").asDouble()).isGreaterThanOrEqualTo(0.6);
        } else {
            assertThat(clusters.exitCode()).isEqualTo(ExitCode.NOT_READY);
            assertThat(j.get("refusals")).isNotEmpty();
        }
    }
}
