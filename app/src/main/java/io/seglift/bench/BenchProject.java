package io.seglift.bench;

import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway project in a temporary folder: a DuckDB file with N customers and 10 orders each, generated in SQL
 * ({@code range()}, {@code hash()}), and the project file {@code seglift-bench.yaml} over it. {@link #close} deletes
 * the folder.
 */
public final class BenchProject implements AutoCloseable {
    /** The sandbox-only secret the bench's destination needs to load; plan sends nothing. */
    public static final Map<String, String> ENV = Map.of("SEGLIFT_BENCH_API_KEY", "bench-not-sent");
    static final String FILE_NAME = "seglift.yaml";
    static final int ORDERS_PER_CUSTOMER = 10;

    private final Path dir;
    private final long customers;

    private BenchProject(Path dir, long customers) {
        this.dir = dir;
        this.customers = customers;
    }

    /** Creates the folder, the data and the project file; the model trains with Seglift's default rounds. */
    public static BenchProject create(Warehouses warehouses, long customers) throws IOException {
        return create(warehouses, customers, 0);
    }

    /**
     * Creates the folder, the data and the project file.
     *
     * @param rounds the model's {@code num_round}, or 0 for Seglift's default
     */
    public static BenchProject create(Warehouses warehouses, long customers, int rounds) throws IOException {
        if (customers < 100) {
            throw new IllegalArgumentException("--customers must be at least 100 (was " + customers + ")");
        }
        Path dir = Files.createTempDirectory("seglift-bench");
        BenchProject p = new BenchProject(dir, customers);
        try (Warehouse w = warehouses.find("duckdb").orElseThrow(() -> new IllegalStateException(
                "the duckdb warehouse is not on the class path")).open(new Settings("warehouse", "duckdb",
                Map.of("path", "bench.duckdb")), dir, "seglift")) {
            generate(w, customers);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        Files.writeString(dir.resolve(FILE_NAME), template().replace("{{customers}}", Long.toString(customers))
                .replace("{{model_params}}", rounds > 0 ? "      params: {num_round: " + rounds + "}\n" : ""),
                StandardCharsets.UTF_8);
        return p;
    }

    /**
     * Customers with email and consent (half opted in); orders spread over the customers, each customer buying from
     * 2022-01-01 until their own last day between one and three years later, so some have stopped (a churn signal the
     * model can learn, as real data has).
     */
    static void generate(Warehouse w, long customers) {
        long orders = customers * ORDERS_PER_CUSTOMER;
        w.execute("CREATE SCHEMA IF NOT EXISTS raw");
        w.execute("CREATE OR REPLACE TABLE raw.customers AS SELECT i AS customer_id, 'c' || i || '@bench.example'"
                + " AS email, (i % 2 = 0) AS email_opt_in FROM range(1, " + (customers + 1) + ") t(i)");
        w.execute("CREATE OR REPLACE TABLE raw.orders AS SELECT order_id, customer_id, TIMESTAMP '2022-01-01'"
                + " + to_seconds(CAST(hash(order_id * 7 + 1) % ((365 + hash(customer_id * 31) % 731) * 86400)"
                + " AS BIGINT)) AS ordered_at, total FROM (SELECT i AS order_id, 1 + CAST(hash(i) % " + customers
                + " AS BIGINT) AS customer_id, CAST(5 + (hash(i * 13 + 5) % 20000) / 100.0 AS DOUBLE) AS total"
                + " FROM range(0, " + orders + ") t(i))");
    }

    public Path projectFile() {
        return dir.resolve(FILE_NAME);
    }

    public long customers() {
        return customers;
    }

    /** The project, loaded as the CLI loads it. */
    public ProjectConfig load(Warehouses warehouses, Destinations destinations) {
        return new ProjectLoader(warehouses, destinations, ENV).load(projectFile());
    }

    private static String template() {
        try (InputStream in = BenchProject.class.getResourceAsStream("seglift-bench.yaml")) {
            if (in == null) throw new IllegalStateException("seglift-bench.yaml is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
