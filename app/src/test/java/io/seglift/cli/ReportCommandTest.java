package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.config.ProjectLoader;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    private static final String YAML = """
            project: cli-shop
            warehouse:
              type: duckdb
              path: ./shop.duckdb
            sources:
              customers: {table: customers, key: id}
              orders: {table: orders, customer: cust, at: ordered_at, amount: amount}
            segments:
              lapsed:
                rule: "recency_days > 90"
                holdout: 10%
                brief:
                  channel: [webhook_out]
                  hypothesis: Lapsed buyers come back with a reminder.
                  success_metric: {name: back_30d, outcome: purchase, window_days: 30, target: +3pp}
                  owner: crm-team
            destinations:
              webhook_out:
                type: webhook
                base_url: http://127.0.0.1:9/hook
                signing_secret: ${env:HOOK_SECRET}
            """;

    private final Session session = new Session(Warehouses.discover(), Destinations.discover(),
            Map.of("HOOK_SECRET", "s3cret-for-tests"),
            Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC), Progress.NONE);

    @Test
    void helpShowsAnExample() {
        String out = capture(() -> Main.run(session, "report", "--help"));
        assertThat(out).contains("Example: seglift report --open", "--format", "--out", "--as-of");
    }

    @Test
    void writesHtmlAndPrintsJson(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("seglift.yaml");
        Files.writeString(project, YAML);
        assertThat(new ProjectLoader(Warehouses.discover(), Destinations.discover(), session.env()).read(project)
                .problems()).isEmpty();
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("shop.duckdb"), "seglift",
                new Settings("warehouse", "duckdb", Map.of()))) {
            w.execute("CREATE TABLE customers (id VARCHAR)");
            w.execute("CREATE TABLE orders (cust VARCHAR, ordered_at DATE, amount DOUBLE)");
            w.execute("INSERT INTO orders VALUES ('a', DATE '2024-03-01', 10.0)");
        }
        Path html = dir.resolve("out/report.html");
        String text = capture(() -> Main.run(session, "report", "--project", project.toString(), "--out",
                html.toString()));
        assertThat(text).contains("Report written to", "lapsed: not measured");
        assertThat(Files.readString(html)).contains("never been sent", "Lapsed buyers come back with a reminder.")
                .doesNotContain("<script");
        String json = capture(() -> Main.run(session, "report", "--project", project.toString(), "--format", "json"));
        JsonNode node = Json.MAPPER.readTree(json);
        assertThat(node.get("asOf").asText()).isEqualTo("2024-03-01");
        assertThat(node.get("segments").get(0).get("segment").asText()).isEqualTo("lapsed");
        assertThat(capture(() -> Main.run(session, "report", "--project", project.toString(), "--as-of", "soon")))
                .isEmpty();
    }

    private static String capture(java.util.function.IntSupplier run) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            run.getAsInt();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
