package io.seglift.cli;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring guard rails through the CLI: a missing scoring step refuses the segment build, a future-dated order does
 * not move the default as-of, and duplicate customer keys are reduced to one row per key everywhere.
 */
class ScoringGuardsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        try (Warehouse w = open()) {
            w.execute("CREATE TABLE customers AS SELECT 'c' || i AS customer_id, TIMESTAMP '2025-01-01' AS signup_at,"
                    + " CASE WHEN i % 3 = 0 THEN 'vip' ELSE 'std' END AS tier FROM range(1, 401) t(i)");
            w.execute("CREATE TABLE orders AS SELECT 'o' || i AS order_id, 'c' || (1 + (i * 7919) % 400) AS customer_id,"
                    + " TIMESTAMP '2025-07-01' + INTERVAL ((i * 104729) % 8500) HOUR AS ordered_at,"
                    + " CAST(5 + i % 97 AS DOUBLE) AS total FROM range(0, 3000) t(i)");
        }
        project = dir.resolve("seglift.yaml");
        Files.writeString(project, """
                project: shop
                warehouse: {type: duckdb, path: ./shop.duckdb}
                sources:
                  customers: {table: customers, key: customer_id, created_at: signup_at}
                  orders: {table: orders, customer: customer_id, at: ordered_at, order_id: order_id, amount: total}
                scoring:
                  models:
                    buy_30d:
                      target: {purchase_within_days: 30}
                segments:
                  likely_buyers:
                    rule: "buy_30d_decile >= 8"
                  vip:
                    rule: "tier = 'vip' and rfm_segment <> 'buy_30d'"
                """);
    }

    private Warehouse open() {
        return DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("shop.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()));
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return CliRun.run(new Session(Warehouses.discover(), new Destinations(List.of()), Map.of(), CLOCK,
                Progress.NONE), all);
    }

    private long count(String sql) {
        try (Warehouse w = open()) {
            return w.queryLong(sql);
        }
    }

    @Test
    void segmentsReadingModelScoresThatDoNotExistRefuseTheWholeBuild() {
        CliRun rfm = run("score", "rfm", "--as-of", "2026-06-01");
        assertThat(rfm.exitCode()).as(rfm.err()).isZero();

        CliRun build = run("segments", "build");

        assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(ExitCode.NOT_READY);
        assertThat(build.err()).contains("data not ready")
                .contains("segment likely_buyers reads model buy_30d, which has no scores as of 2026-06-01")
                .contains("seglift models score buy_30d --as-of 2026-06-01")
                .doesNotContain("segment vip reads");
        assertThat(count("SELECT COUNT(*) FROM seglift.segment_members")).isZero();
        assertThat(count("SELECT COUNT(*) FROM seglift.segment_builds")).isZero();

        CliRun vipOnly = run("segments", "build", "vip");
        assertThat(vipOnly.exitCode()).as(vipOnly.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM seglift.segment_members")).isPositive();
    }

    @Test
    void aFutureDatedOrderDoesNotMoveTheDefaultAsOf() {
        try (Warehouse w = open()) {
            w.execute("INSERT INTO orders VALUES ('o-future', 'c1', TIMESTAMP '2027-01-01 10:00', 50.0)");
        }
        String latest = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "csv",
                "SELECT CAST(MAX(ordered_at) AS DATE) + 1 AS d FROM orders WHERE ordered_at < TIMESTAMP '2026-07-02'")
                .out().split("\r\n")[1];

        CliRun rfm = run("score", "rfm");

        assertThat(rfm.exitCode()).as(rfm.err()).isZero();
        assertThat(rfm.out()).contains("RFM as of " + latest + ":");
        assertThat(rfm.err()).contains("1 order row dated after 2026-07-01");
        CliRun audit = run("audit", "--format", "json");
        assertThat(audit.out()).contains("\"asOf\" : \"" + latest + "\"").contains("\"futureOrders\" : 1");
    }

    @Test
    void duplicateCustomerKeysAreReducedToOneRowPerKeyAndCounted() {
        CliRun train = run("models", "train", "buy_30d", "--force", "--as-of", "2026-06-01");
        assertThat(train.exitCode()).as(train.err()).isZero();
        try (Warehouse w = open()) {
            w.execute("INSERT INTO customers SELECT customer_id, signup_at, 'dup' FROM customers WHERE customer_id IN ('c1', 'c2', 'c3')");
            w.execute("INSERT INTO customers SELECT * FROM customers WHERE customer_id = 'c4'");
        }

        CliRun score = run("models", "score", "buy_30d", "--as-of", "2026-06-01");

        assertThat(score.exitCode()).as(score.out() + score.err()).isZero();
        assertThat(score.err()).contains("4 customers rows share a key with an earlier row");
        assertThat(score.out()).as("--path auto on an embedded DuckDB").contains("jvm path");
        assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT customer_key) FROM seglift.model_scores")).isZero();
        CliRun build = run("segments", "build", "--as-of", "2026-06-01");
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.err()).contains("4 customers rows share a key with an earlier row");
        assertThat(count("SELECT COUNT(*) FROM seglift.segment_members WHERE segment = 'vip'"
                + " AND customer_key IN ('c1', 'c2', 'c3')")).isZero();
        CliRun audit = run("audit", "--as-of", "2026-06-01", "--format", "json");
        assertThat(audit.out()).contains("\"duplicateCustomerKeys\" : 4").contains("\"duplicateCustomerRows\" : 4");
    }
}
