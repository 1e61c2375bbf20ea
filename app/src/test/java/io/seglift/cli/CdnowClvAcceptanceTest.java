package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * CLV on the CDNOW sample through the CLI, as a user would run it: {@code seglift load} of the transactions, then
 * {@code seglift score clv --format json}. The fitted parameters match Fader, Hardie &amp; Lee (2005) (BG/NBD, 39-week
 * calibration ending 1997-09-30) and Fader &amp; Hardie (2013) (Gamma-Gamma on the 946 repeat buyers), and the
 * per-customer summaries match the published {@code cdnow_customers_summary_with_transactions.csv}. The sample has
 * zero-dollar purchases (free CDs) that the published summaries count, hence {@code drop_non_positive: false}.
 */
@Tag("acceptance")
class CdnowClvAcceptanceTest {
    @TempDir
    Path dir;

    private static Path data(String file) {
        String folder = System.getProperty("seglift.shared.data", "");
        Assumptions.assumeTrue(!folder.isEmpty() && Files.isDirectory(Path.of(folder)), "no shared data folder");
        Path p = Path.of(folder, file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "missing " + p);
        return p;
    }

    /** The whitespace-separated sample as CSV (sample id as the customer), and the customers it names. */
    private Path[] csv() throws Exception {
        List<String> orders = new ArrayList<>(List.of("customer_id,purchased_on,cds,dollars"));
        TreeSet<Integer> ids = new TreeSet<>();
        for (String line : Files.readAllLines(data("cdnow_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) continue;
            int id = Integer.parseInt(f[1]);
            ids.add(id);
            String d = f[2];
            orders.add(id + "," + d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8) + "," + f[3] + "," + f[4]);
        }
        List<String> customers = new ArrayList<>(List.of("customer_id"));
        ids.forEach(i -> customers.add(Integer.toString(i)));
        Path o = Files.write(dir.resolve("cdnow.csv"), orders);
        Path c = Files.write(dir.resolve("customers.csv"), customers);
        return new Path[]{o, c};
    }

    private CliRun run(Path project, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return CliRun.run(CliRun.session(), all);
    }

    @Test
    void cdnowReproducesThePublishedBgNbdAndGammaGammaEstimates() throws Exception {
        Path[] files = csv();
        Path project = Files.writeString(dir.resolve("seglift.yaml"), """
                project: cdnow
                warehouse: {type: duckdb, path: ./cdnow.duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.cdnow, customer: customer_id, at: purchased_on, amount: dollars, rules: {count_by: day, drop_non_positive: false}}
                scoring:
                  clv: {calibration_end: 1997-09-30, horizon_months: 12}
                """);
        assertThat(run(project, "load", "raw.cdnow", files[0].toString()).exitCode()).isZero();
        assertThat(run(project, "load", "raw.customers", files[1].toString()).exitCode()).isZero();

        CliRun score = run(project, "score", "clv", "--as-of", "1998-07-01", "--format", "json");
        assertThat(score.exitCode()).as(score.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(score.out());
        System.out.println("CDNOW CLV fit: " + score.out());
        assertThat(j.get("calibration_customers").asLong()).isEqualTo(2357);
        assertThat(j.get("r").asDouble()).isCloseTo(0.243, within(0.0015));
        assertThat(j.get("alpha").asDouble()).isCloseTo(4.414, within(0.015));
        assertThat(j.get("a").asDouble()).isCloseTo(0.793, within(0.005));
        assertThat(j.get("b").asDouble()).isCloseTo(2.426, within(0.015));
        assertThat(j.get("log_likelihood").asDouble()).isCloseTo(-9582.4, within(0.1));
        assertThat(j.get("repeat_buyers_fit").asInt()).isEqualTo(946);
        assertThat(j.get("p").asDouble()).isCloseTo(6.25, within(0.02));
        assertThat(j.get("q").asDouble()).isCloseTo(3.74, within(0.02));
        assertThat(j.get("gamma").asDouble()).isCloseTo(15.44, within(0.05));

        JsonNode diagnostics = j.get("diagnostics");
        assertThat(diagnostics.get("holdout_weeks").asDouble()).isCloseTo(39, within(1e-9));
        assertThat(diagnostics.get("by_calibration_purchases")).hasSize(8);
        double predicted = diagnostics.get("predicted_holdout_purchases").asDouble();
        double actual = diagnostics.get("actual_holdout_purchases").asDouble();
        // measured: 1,653 predicted against 1,882 made (BG/NBD under-forecasts this holdout; BgNbdTest checks the
        // conditional expectation itself against simulated customers)
        assertThat(actual).isEqualTo(1882);
        assertThat(predicted).as("holdout repeat purchases predicted within 15%").isCloseTo(actual, within(0.15 * actual));

        CliRun text = run(project, "score", "clv", "--as-of", "1997-10-01");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("BG/NBD       r = 0.24").contains("No holdout period");
        CliRun summary = run(project, "sql", "--format", "csv", "SELECT customer_key, frequency, recency_weeks, age_weeks,"
                + " avg_repeat_value FROM seglift.clv_scores WHERE as_of = DATE '1997-10-01'");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        Map<String, double[]> ours = new HashMap<>();
        String[] lines = summary.out().split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            ours.put(f[0], new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    f[4].isEmpty() ? 0 : Double.parseDouble(f[4])});
        }
        List<String> published = Files.readAllLines(data("cdnow_customers_summary_with_transactions.csv"));
        assertThat(ours).hasSize(published.size() - 1);
        for (String line : published.subList(1, published.size())) {
            String[] f = line.split(",");
            double[] o = ours.get(f[0]);
            assertThat(o).as("customer " + f[0]).isNotNull();
            assertThat(o[0]).as("x of " + f[0]).isEqualTo(Double.parseDouble(f[1]));
            assertThat(o[1]).as("t_x of " + f[0]).isCloseTo(Double.parseDouble(f[2]), within(0.006));
            assertThat(o[2]).as("T of " + f[0]).isCloseTo(Double.parseDouble(f[3]), within(0.006));
            assertThat(o[3]).as("zbar of " + f[0]).isCloseTo(Double.parseDouble(f[4]), within(0.006));
        }
    }
}
