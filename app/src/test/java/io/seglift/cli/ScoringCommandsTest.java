package io.seglift.cli;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** audit, score rfm and segments build|list|show|sample against a DuckDB file project. */
class ScoringCommandsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("shop.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            w.execute("CREATE TABLE customers AS SELECT i AS customer_id, 'c' || i || '@shop.example' AS email,"
                    + " (i % 2 = 0) AS email_opt_in, CASE WHEN i % 3 = 0 THEN 'vip' ELSE 'std' END AS tier"
                    + " FROM range(1, 501) t(i)");
            w.execute("CREATE TABLE orders AS SELECT 'o' || i AS order_id, 1 + (((i * 7919) % 500) * ((i * 31) % 499)) // 499 AS customer_id,"
                    + " TIMESTAMP '2024-01-01' + INTERVAL ((i * 104729) % 8000) HOUR AS ordered_at,"
                    + " CAST(5 + i % 97 AS DOUBLE) AS total FROM range(0, 4000) t(i)");
        }
        project = dir.resolve("seglift.yaml");
        Files.writeString(project, """
                project: shop
                warehouse: {type: duckdb, path: ./shop.duckdb}
                sources:
                  customers:
                    table: customers
                    key: customer_id
                    email: email
                    consent: {email: email_opt_in}
                  orders: {table: orders, customer: customer_id, at: ordered_at, order_id: order_id, amount: total}
                segments:
                  vip_champions:
                    rule: "tier = 'vip' and rfm_segment in ('Champions', 'Loyal')"
                    holdout: 10%
                    brief:
                      hypothesis: VIP champions buy more when thanked.
                      success_metric: {name: repeat_30d, outcome: purchase, window_days: 30, target: +3pp}
                      owner: crm-team
                  at_risk:
                    rule: "rfm_segment = 'At Risk'"
                """);
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private int run(String... args) {
        out.reset();
        Session session = new Session(Warehouses.discover(), new Destinations(List.of()), Map.of(), Clock.systemUTC(),
                Progress.NONE);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return Main.run(session, all);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoresBuildsListsShowsAndSamples() {
        assertThat(run("score", "rfm")).isEqualTo(ExitCode.OK);
        assertThat(output()).containsPattern("RFM as of 2024-1\\d-\\d\\d: \\d+ customers scored").contains("Champions");
        assertThat(run("segments", "build")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("vip_champions").contains("at_risk").contains("first build");
        assertThat(run("segments", "build", "vip_champions", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("\"previous_build_id\" : null").contains("\"holdout\" :");
        assertThat(run("segments", "list")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("crm-team").contains("NO CAMPAIGN (missing brief.channel)").contains("NO CAMPAIGN (missing brief)");
        assertThat(run("segments", "show", "vip_champions")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("Rule:    tier = 'vip'").contains("Latest builds");
        assertThat(run("segments", "sample", "vip_champions", "--n", "5", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("\"tier\" : \"vip\"").contains("rfm_segment").doesNotContain("@shop.example");
        assertThat(run("audit", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("\"recommendation\" : \"RFM_ONLY\"").contains("\"qualified\"");
        assertThat(run("audit")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("Recommendation: RFM only").contains("malformed emails");
    }

    @Test
    void unknownSegmentAndBadRuleAreInvalid() throws Exception {
        assertThat(run("segments", "show", "nope")).isEqualTo(ExitCode.INVALID);
        Files.writeString(project, Files.readString(project).replace("rfm_segment = 'At Risk'", "rfm_segmnt = 1"));
        assertThat(run("segments", "build", "at_risk")).isEqualTo(ExitCode.INVALID);
    }
}
