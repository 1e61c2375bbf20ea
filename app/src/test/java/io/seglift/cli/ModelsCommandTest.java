package io.seglift.cli;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsCommandTest {
    @TempDir
    Path dir;

    private Session session() {
        return new Session(Warehouses.discover(), new Destinations(List.of()), Map.of(),
                Clock.fixed(Instant.parse("2026-06-30T06:00:00Z"), ZoneOffset.UTC), Progress.NONE);
    }

    @Test
    void trainIsRefusedWhenTheAuditSaysNotReadyAndShowNamesUnknownModels() throws Exception {
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("t.duckdb"), "seglift",
                new Settings("t", "duckdb", Map.of()))) {
            w.execute("CREATE SCHEMA raw");
            w.execute("CREATE TABLE raw.customers (customer_id VARCHAR, signup_at TIMESTAMP)");
            w.execute("CREATE TABLE raw.orders (order_id VARCHAR, customer_id VARCHAR, ordered_at TIMESTAMP, total DOUBLE)");
            w.execute("INSERT INTO raw.customers SELECT 'c' || i, TIMESTAMP '2025-01-01' FROM range(20) t(i)");
            w.execute("INSERT INTO raw.orders SELECT 'o' || i, 'c' || (i % 20), TIMESTAMP '2025-03-01' + INTERVAL (i) DAY, 10.0 FROM range(200) t(i)");
        }
        Path project = dir.resolve("seglift.yaml");
        Files.writeString(project, """
                project: t
                warehouse:
                  type: duckdb
                  path: t.duckdb
                sources:
                  customers:
                    table: raw.customers
                    key: customer_id
                    created_at: signup_at
                  orders:
                    table: raw.orders
                    customer: customer_id
                    at: ordered_at
                    order_id: order_id
                    amount: total
                scoring:
                  audit: {min_purchases: 2, window_months: 12, min_qualified: 1000, min_history_months: 6}
                  models:
                    buy_30d:
                      target: {purchase_within_days: 30}
                """);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int train;
        int show;
        int list;
        try {
            System.setOut(new PrintStream(out));
            train = Main.run(session(), "models", "train", "buy_30d", "-p", project.toString(), "--as-of", "2026-06-30");
            show = Main.run(session(), "models", "show", "nope", "-p", project.toString());
            list = Main.run(session(), "models", "list", "-p", project.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(train).isEqualTo(ExitCode.NOT_READY);
        assertThat(show).isEqualTo(ExitCode.INVALID);
        assertThat(list).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("No models yet");
    }
}
