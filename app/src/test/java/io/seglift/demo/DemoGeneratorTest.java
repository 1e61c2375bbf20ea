package io.seglift.demo;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoGeneratorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<TableName> TABLES = List.of(DemoTables.CUSTOMERS, DemoTables.ORDERS,
            DemoTables.EMAIL_EVENTS, DemoTables.SUPPRESSIONS, DemoTables.TRUTH_CUSTOMERS, DemoTables.FUTURE_ORDERS,
            DemoTables.CAMPAIGN, DemoTables.PARAMETERS);

    @Test
    void theSameSeedGivesIdenticalTablesAndAnotherSeedDoesNot() {
        Map<TableName, String> first = checksums(DemoSpec.of(1_500, 42));
        Map<TableName, String> again = checksums(DemoSpec.of(1_500, 42));
        Map<TableName, String> other = checksums(DemoSpec.of(1_500, 7));
        assertThat(again).isEqualTo(first);
        assertThat(other.get(DemoTables.ORDERS)).isNotEqualTo(first.get(DemoTables.ORDERS));
        assertThat(other.get(DemoTables.CUSTOMERS)).isNotEqualTo(first.get(DemoTables.CUSTOMERS));
    }

    @Test
    void tablesAreIdenticalForAnyNumberOfGeneratorThreads() {
        DemoSpec spec = DemoSpec.of(2_300, 42);
        Map<TableName, String> oneThread = checksums(spec, 1);
        assertThat(checksums(spec, 2)).isEqualTo(oneThread);
        assertThat(checksums(spec, 3)).isEqualTo(oneThread);
    }

    @Test
    void writesEveryTableWithCountsMatchingTheSummaryAndReportsProgress() {
        List<String> progress = new ArrayList<>();
        long[] advanced = {0};
        Progress recording = new Progress() {
            @Override public void start(String step, long total) { progress.add("start " + total); }
            @Override public void advance(long done) { advanced[0] += done; }
            @Override public void finish(String summary) { progress.add("finish " + summary); }
        };
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            DemoSummary s = new DemoGenerator(CLOCK).generate(w, DemoSpec.of(2_345, 42), recording);
            assertThat(count(w, DemoTables.CUSTOMERS)).isEqualTo(s.customers()).isEqualTo(2_345);
            assertThat(count(w, DemoTables.ORDERS)).isEqualTo(s.orders()).isGreaterThan(15_000);
            assertThat(count(w, DemoTables.FUTURE_ORDERS)).isEqualTo(s.futureOrders()).isPositive();
            assertThat(count(w, DemoTables.EMAIL_EVENTS)).isEqualTo(s.emailEvents()).isPositive();
            assertThat(count(w, DemoTables.SUPPRESSIONS)).isEqualTo(s.suppressions());
            assertThat(count(w, DemoTables.TRUTH_CUSTOMERS)).isEqualTo(2_345);
            assertThat(w.queryLong("SELECT count(*) FROM raw.orders o WHERE NOT EXISTS "
                    + "(SELECT 1 FROM raw.customers c WHERE c.customer_id = o.customer_id)")).isEqualTo(s.orphanOrders());
            assertThat(w.queryOne("SELECT true_effect_pp, window_days FROM demo_truth.campaign", List.of(),
                    r -> r.doubleValue("true_effect_pp") + "/" + r.longValue("window_days"))).contains("0.05/30");
            assertThat(w.queryOne("SELECT value FROM demo_truth.parameters WHERE name = 'seed'", List.of(),
                    r -> r.string("value"))).contains("42");
            assertThat(w.queryLong("SELECT count(DISTINCT customer_id) FROM raw.customers")).isEqualTo(2_345);
            assertThat(w.queryLong("SELECT count(*) FROM raw.orders WHERE ordered_at > TIMESTAMP '2026-06-30 23:59:59'"))
                    .isZero();
        }
        assertThat(progress).first().isEqualTo("start 2345");
        assertThat(progress).last().asString().startsWith("finish 2,345 customers");
        assertThat(advanced[0]).isEqualTo(2_345);
    }

    @Test
    void aGenerationThatDiesHalfwayLeavesNoRows() {
        Progress dies = new Progress() {
            @Override public void start(String step, long total) { }
            @Override public void advance(long done) { throw new IllegalStateException("killed"); }
            @Override public void finish(String summary) { }
        };
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            assertThatThrownBy(() -> new DemoGenerator(CLOCK, 2).generate(w, DemoSpec.of(5_000, 42), dies))
                    .hasMessage("killed");
            for (TableName t : TABLES) assertThat(count(w, t)).as(t.toString()).isZero();
        }
    }

    @Test
    void regeneratingReplacesTheTables() {
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            new DemoGenerator(CLOCK).generate(w, DemoSpec.of(300, 1), Progress.NONE);
            new DemoGenerator(CLOCK).generate(w, DemoSpec.of(200, 1), Progress.NONE);
            assertThat(count(w, DemoTables.CUSTOMERS)).isEqualTo(200);
            assertThat(count(w, DemoTables.CAMPAIGN)).isEqualTo(1);
        }
    }

    private static Map<TableName, String> checksums(DemoSpec spec) {
        return checksums(spec, 2);
    }

    private static Map<TableName, String> checksums(DemoSpec spec, int threads) {
        Map<TableName, String> sums = new LinkedHashMap<>();
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            new DemoGenerator(CLOCK, threads).generate(w, spec, Progress.NONE);
            for (TableName t : TABLES) {
                String table = w.dialect().table(t);
                sums.put(t, w.queryOne("SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(x AS VARCHAR), '|' "
                        + "ORDER BY CAST(x AS VARCHAR))), '') AS s FROM " + table + " x", List.of(),
                        r -> r.string("s")).orElseThrow());
            }
        }
        return sums;
    }

    private static long count(Warehouse w, TableName t) {
        return w.queryLong("SELECT count(*) FROM " + w.dialect().table(t));
    }
}
