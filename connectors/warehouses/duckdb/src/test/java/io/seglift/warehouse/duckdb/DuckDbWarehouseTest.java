package io.seglift.warehouse.duckdb;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.Migration;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbWarehouseTest {

    @Test
    void bulkWriterAppendsAndStreamsBack() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            w.execute("CREATE TABLE t (k VARCHAR, n BIGINT, x DOUBLE, d DATE, extra VARCHAR DEFAULT 'dflt')");
            try (var bw = w.bulkWriter(TableName.parse("t", "test"), List.of("k", "n", "x", "d"))) {
                for (int i = 0; i < 50_000; i++) {
                    bw.row("k" + i, (long) i, i / 2.0, LocalDate.of(2024, 1, 1).plusDays(i % 300));
                }
            }
            assertThat(w.queryLong("SELECT count(*) FROM t")).isEqualTo(50_000);
            assertThat(w.queryLong("SELECT count(*) FROM t WHERE extra = 'dflt'")).isEqualTo(50_000);
            long[] sum = {0};
            w.query("SELECT n FROM t", List.of(), r -> sum[0] += r.longValue("n"));
            assertThat(sum[0]).isEqualTo(49_999L * 50_000 / 2);
        }
    }

    @Test
    void doubleOrReadsNumericColumnsAsPrimitivesWithMissingForNull() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            List<double[]> rows = new ArrayList<>();
            w.query("SELECT * FROM (VALUES (CAST(7 AS BIGINT), 2.5::DOUBLE, 1.25::DECIMAL(10, 2), 3::INTEGER, true, 0.5::REAL),"
                    + " (NULL, NULL, NULL, NULL, NULL, NULL), (0, 0.0, 0, 0, false, 0)) v(a, b, c, d, e, f)", List.of(), r -> {
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = r.doubleOr(i, -1);
                }
                rows.add(v);
            });
            assertThat(rows.get(0)).containsExactly(7, 2.5, 1.25, 3, 1, 0.5);
            assertThat(rows.get(1)).containsExactly(-1, -1, -1, -1, -1, -1);
            assertThat(rows.get(2)).containsExactly(0, 0, 0, 0, 0, 0);
            assertThatThrownBy(() -> w.query("SELECT 'x' AS word", List.of(), r -> r.doubleOr(0, 0)))
                    .isInstanceOf(WarehouseException.class).hasMessageContaining("word is not numeric");
        }
    }

    @Test
    void holdoutBucketMatchesJava() throws Exception {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Dialect d = w.dialect();
            for (String key : List.of("1", "customer-42", "ümlaut", "")) {
                long sql = w.queryLong("SELECT " + d.holdoutBucket(d.literal("seg"), d.literal(key)));
                byte[] md5 = MessageDigest.getInstance("MD5").digest(("seg:" + key).getBytes("UTF-8"));
                long java = Long.parseLong(HexFormat.of().formatHex(md5).substring(0, 8), 16) % 10_000;
                assertThat(sql).as(key).isEqualTo(java);
            }
        }
    }

    @Test
    void dateArithmetic() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Dialect d = w.dialect();
            assertThat(w.queryLong("SELECT " + d.daysBetween(d.dateLiteral(LocalDate.of(2024, 1, 1)),
                    d.addDays(d.dateLiteral(LocalDate.of(2024, 1, 1)), "45")))).isEqualTo(45);
        }
    }

    @Test
    void migratorAppliesOnce() {
        Migration m = new Migration() {
            public String id() { return "0001-test"; }
            public String description() { return "test table"; }
            public List<String> statements(Dialect d, String schema) {
                return List.of("CREATE TABLE " + d.table(TableName.of(schema, "x")) + " (a " + d.type(ColumnType.TEXT) + ")");
            }
        };
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            assertThat(new Migrator(List.of(m)).migrate(w)).containsExactly("0001-test");
            assertThat(new Migrator(List.of(m)).migrate(w)).isEmpty();
            assertThat(w.tableExists(TableName.of("seglift", "x"))).isTrue();
        }
    }

    @Test
    void transactionRollsBack() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            w.execute("CREATE TABLE t (a INTEGER)");
            assertThatThrownBy(() -> w.inTransaction(tx -> {
                tx.execute("INSERT INTO t VALUES (1)");
                tx.execute("INSERT INTO nope VALUES (1)");
            })).isInstanceOf(WarehouseException.class);
            assertThat(w.queryLong("SELECT count(*) FROM t")).isZero();
        }
    }

    @Test
    void hostileIdentifiersNeverBecomeSql() {
        assertThatThrownBy(() -> TableName.parse("x; drop table y", "sources.orders.table"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("sources.orders.table");
        assertThatThrownBy(() -> new DuckDbDialect().quote("a\"b")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void checkQueryReportsErrors() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            w.execute("CREATE TABLE t (a INTEGER)");
            assertThat(w.checkQuery("SELECT a FROM t WHERE a > 1")).isEmpty();
            assertThat(w.checkQuery("SELECT b FROM t")).get().asString().contains("b");
        }
    }

    @Test
    void columnsResolveNamesAsDuckDbDoesInDeclaredOrderWithDuckDbsTypeNames() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            w.execute("CREATE SCHEMA \"Shop\"");
            w.execute("CREATE TABLE \"Shop\".\"Orders\" (z INTEGER, a VARCHAR, ts TIMESTAMPTZ, amount DECIMAL(18,3))");
            assertThat(w.queryLong("SELECT COUNT(*) FROM shop.orders")).isZero();
            assertThat(w.columns(TableName.parse("shop.orders", "t")))
                    .extracting(c -> c.name() + " " + c.typeName())
                    .containsExactly("z INTEGER", "a VARCHAR", "ts TIMESTAMP WITH TIME ZONE", "amount DECIMAL(18,3)");
            assertThat(w.tableExists(TableName.parse("Shop.Orders", "t"))).isTrue();
            assertThat(w.tableExists(TableName.parse("shop.missing", "t"))).isFalse();

            w.execute("CREATE TABLE main.shadowed (a INTEGER)");
            w.execute("CREATE TEMP TABLE shadowed (b VARCHAR, c VARCHAR)");
            assertThat(w.queryLong("SELECT COUNT(*) FROM shadowed WHERE b IS NULL")).isZero();
            assertThat(w.columns(TableName.parse("shadowed", "t"))).extracting(c -> c.name()).containsExactly("b", "c");
        }
    }

    @Test
    void aScratchTableIsTemporaryAndTakesBulkWrites(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("w.duckdb"), "seglift",
                new io.seglift.spi.settings.Settings("w", "duckdb", java.util.Map.of()))) {
            TableName scratch = w.createScratchTable("scores_load_1", "r BIGINT NOT NULL, score DOUBLE");
            try (var bw = w.bulkWriter(scratch, List.of("r", "score"))) {
                for (long i = 0; i < 10_000; i++) {
                    bw.row(i, i / 4.0);
                }
            }
            String t = w.dialect().table(scratch);
            assertThat(w.queryLong("SELECT COUNT(*) FROM " + t + " WHERE score = r / 4.0")).isEqualTo(10_000);
            assertThat(w.queryLong("SELECT COUNT(*) FROM duckdb_tables() WHERE table_name = 'scores_load_1' AND temporary"))
                    .isOne();
            assertThat(w.queryLong("SELECT COUNT(*) FROM duckdb_tables() WHERE table_name = 'scores_load_1' AND NOT temporary"))
                    .isZero();
            w.execute("DROP TABLE " + t);
            assertThat(w.tableExists(scratch)).isFalse();
        }
    }

    @Test
    void loadsCsv() throws Exception {
        Path csv = Files.createTempFile("seglift", ".csv");
        List<String> lines = new ArrayList<>(List.of("id,amount,at"));
        for (int i = 0; i < 100; i++) lines.add(i + "," + (i * 1.5) + ",2024-01-0" + (1 + i % 9));
        Files.write(csv, lines);
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            assertThat(w.loadFile(csv, TableName.parse("raw.orders", "t"), io.seglift.spi.progress.Progress.NONE)).isEqualTo(100);
            assertThat(w.columns(TableName.parse("raw.orders", "t"))).extracting(c -> c.name()).containsExactly("id", "amount", "at");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
