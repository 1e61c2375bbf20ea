package io.seglift.warehouse.postgres;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.Migration;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresWarehouseTest {
    private static EmbeddedPostgres pg;
    private PostgresWarehouse w;
    private Dialect d;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @BeforeEach
    void open() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift");
        d = w.dialect();
        w.execute("DROP SCHEMA IF EXISTS t CASCADE");
        w.execute("DROP SCHEMA IF EXISTS seglift CASCADE");
        w.execute("CREATE SCHEMA t");
    }

    @AfterEach
    void close() {
        w.close();
    }

    private static TableName t(String name) {
        return TableName.of("t", name);
    }

    @Test
    void factoryOpensFromSettingsWithASecretPassword() {
        var settings = new Settings("warehouse", "postgres", Map.of("url", pg.getJdbcUrl("postgres", "postgres"),
                "user", "postgres", "password", Secret.of("${env:PGPASSWORD}", "unused-with-trust-auth")));
        try (Warehouse other = new PostgresWarehouseFactory().open(settings, Path.of("."), "seglift")) {
            assertThat(other.queryLong("SELECT 41 + 1")).isEqualTo(42);
            assertThat(other.queryOne("SHOW TIME ZONE", List.of(), r -> r.get(0).toString())).contains("UTC");
        }
        assertThat(new PostgresWarehouseFactory().configSpec().key("password").get().secret()).isTrue();
        assertThatThrownBy(() -> new PostgresWarehouseFactory().open(new Settings("warehouse", "postgres",
                Map.of("url", "jdbc:mysql://h/db?password=hunter2")), Path.of("."), "s"))
                .hasMessageContaining("jdbc:postgresql:").hasMessageNotContaining("hunter2");
    }

    @Test
    void rowsStreamBeforeTheQueryHasFinished() {
        // the error sits at row 25,000: rows before it arrive only if the result is fetched in chunks, not whole
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> w.query("SELECT 100 / (n - 25000) AS x, n FROM generate_series(1, 30000) n",
                List.of(), r -> seen.add(r.longValue("n"))))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("division by zero");
        assertThat(seen).hasSizeGreaterThanOrEqualTo(10_000).hasSizeLessThan(25_000);
        assertThat(seen.get(0)).isEqualTo(1L);
        long[] sum = {0};
        w.query("SELECT n FROM generate_series(1, 200000) n WHERE n > ?", List.of(100_000), r -> sum[0] += r.longValue("n"));
        assertThat(sum[0]).isEqualTo(200_000L * 200_001 / 2 - 100_000L * 100_001 / 2);
    }

    @Test
    void copyBulkWriterRoundTripsAwkwardText() throws Exception {
        w.execute("CREATE TABLE t.bulk (id BIGINT PRIMARY KEY, txt TEXT, x DOUBLE PRECISION, d DATE, ts TIMESTAMP, "
                + "flag BOOLEAN, extra TEXT DEFAULT 'dflt')");
        String[] samples = {"plain", "comma, inside", "quote \" inside", "\"\"", "new\nline", "crlf\r\nend", "",
                "back\\slash", "tab\there", "ünïcødé ✓ 日本", "\\N", "NULL", "a,\"b\"\n,c"};
        int rows = 100_000;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        long nulls = 0;
        try (BulkWriter bw = w.bulkWriter(t("bulk"), List.of("id", "txt", "x", "d", "ts", "flag"))) {
            for (int i = 0; i < rows; i++) {
                String txt = i % 7 == 0 ? null : i % 13 == 6 ? "" : samples[i % samples.length] + i;
                if (txt == null) nulls++;
                else md5.update((txt + "|").getBytes(StandardCharsets.UTF_8));
                bw.row((long) i, txt, i % 11 == 0 ? null : i / 3.0, LocalDate.of(2020, 1, 1).plusDays(i % 1000),
                        Instant.parse("2024-03-01T10:15:30.123456Z").plusSeconds(i), i % 2 == 0);
            }
            assertThat(bw.count()).isEqualTo(rows);
        }
        assertThat(w.queryLong("SELECT count(*) FROM t.bulk")).isEqualTo(rows);
        assertThat(w.queryLong("SELECT count(*) FROM t.bulk WHERE txt IS NULL")).isEqualTo(nulls);
        assertThat(w.queryLong("SELECT count(*) FROM t.bulk WHERE x IS NULL")).isEqualTo((rows + 10) / 11);
        assertThat(w.queryLong("SELECT count(*) FROM t.bulk WHERE extra = 'dflt'")).isEqualTo(rows);
        String pgDigest = w.queryOne("SELECT md5(string_agg(txt || '|', '' ORDER BY id)) FROM t.bulk WHERE txt IS NOT NULL",
                List.of(), r -> r.string("md5")).orElseThrow();
        assertThat(pgDigest).isEqualTo(HexFormat.of().formatHex(md5.digest()));
        assertThat(w.queryOne("SELECT txt FROM t.bulk WHERE id = 16", List.of(), r -> r.string("txt"))).contains("\"\"16");
        assertThat(w.queryOne("SELECT txt FROM t.bulk WHERE id = 6", List.of(), r -> r.string("txt"))).contains("");
        assertThat(w.queryOne("SELECT txt FROM t.bulk WHERE id = 4", List.of(), r -> r.string("txt"))).contains("new\nline4");
        assertThat(w.queryOne("SELECT ts FROM t.bulk WHERE id = 1", List.of(), r -> r.timestamp("ts")))
                .contains(Instant.parse("2024-03-01T10:15:31.123456Z"));
        assertThat(w.queryOne("SELECT txt FROM t.bulk WHERE id = 9", List.of(), r -> r.string("txt")))
                .contains("ünïcødé ✓ 日本9");
    }

    @Test
    void aFailingCopyStoresNothing() {
        w.execute("CREATE TABLE t.strict (id BIGINT, n BIGINT)");
        w.execute("INSERT INTO t.strict VALUES (0, 0)");
        assertThatThrownBy(() -> {
            try (BulkWriter bw = w.bulkWriter(t("strict"), List.of("id", "n"))) {
                for (int i = 1; i <= 1000; i++) bw.row((long) i, i == 500 ? "not a number" : (Object) (long) i);
            }
        }).isInstanceOf(WarehouseException.class).hasMessageContaining("nothing was stored");
        assertThat(w.queryLong("SELECT count(*) FROM t.strict")).isEqualTo(1);
        assertThatThrownBy(() -> w.bulkWriter(t("strict"), List.of("id", "nope"))).hasMessageContaining("no column 'nope'");
    }

    @Test
    void transactionsCommitRollBackAndNest() {
        w.execute("CREATE TABLE t.tx (n INTEGER)");
        w.inTransaction(x -> {
            x.execute("INSERT INTO t.tx VALUES (1)");
            x.inTransaction(y -> y.execute("INSERT INTO t.tx VALUES (2)"));
        });
        assertThatThrownBy(() -> w.inTransaction(x -> {
            x.execute("INSERT INTO t.tx VALUES (3)");
            x.inTransaction(y -> y.execute("INSERT INTO t.tx VALUES (4)"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(w.queryLong("SELECT sum(n) FROM t.tx")).isEqualTo(3);
    }

    @Test
    void migrationsApplyOnce() {
        Migration m = new Migration() {
            public String id() { return "0001-test"; }
            public String description() { return "test table"; }
            public List<String> statements(Dialect dialect, String schema) {
                return List.of("CREATE TABLE " + dialect.table(TableName.of(schema, "m")) + " (a "
                        + dialect.type(ColumnType.TEXT) + ", j " + dialect.type(ColumnType.JSON) + ", t "
                        + dialect.type(ColumnType.TIMESTAMP) + ", x " + dialect.type(ColumnType.DOUBLE) + ")");
            }
        };
        assertThat(new Migrator(List.of(m)).migrate(w)).containsExactly("0001-test");
        assertThat(new Migrator(List.of(m)).migrate(w)).isEmpty();
        assertThat(w.tableExists(TableName.of("seglift", "m"))).isTrue();
        assertThat(w.columns(TableName.of("seglift", "m"))).extracting(Column::name).containsExactly("a", "j", "t", "x");
        assertThat(w.queryLong("SELECT count(*) FROM seglift.schema_migrations")).isEqualTo(1);
    }

    @Test
    void hostileAndOverlongIdentifiersAreRefused() {
        assertThatThrownBy(() -> d.quote("x; drop table y")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> d.quote("a\"b")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> TableName.parse("t.x; drop table y", "test")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> d.quote("a".repeat(64))).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("63");
        assertThat(d.quote("a".repeat(63))).hasSize(65);
        assertThat(((PostgresDialect) d).quoteFileColumn("Customer \"ID\"")).isEqualTo("\"Customer \"\"ID\"\"\"");
        assertThat(d.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void checkQueryReportsWithoutBreakingATransaction() {
        w.execute("CREATE TABLE t.c (a INTEGER)");
        assertThat(w.checkQuery("SELECT a FROM t.c WHERE a > 1")).isEmpty();
        assertThat(w.checkQuery("SELECT nope FROM t.c")).hasValueSatisfying(m -> assertThat(m).contains("nope"));
        w.inTransaction(x -> {
            x.execute("INSERT INTO t.c VALUES (1)");
            assertThat(x.checkQuery("SELECT a FROM t.missing")).isPresent();
            x.execute("INSERT INTO t.c VALUES (2)");
        });
        assertThat(w.queryLong("SELECT count(*) FROM t.c")).isEqualTo(2);
    }

    @Test
    void loadFileInfersTypesAndReplacesAtomically(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("orders.csv");
        StringBuilder sb = new StringBuilder("order_id,Customer ID,amount,ordered_at,day,note,vip\n");
        for (int i = 1; i <= 25_000; i++) {
            sb.append(i).append(',').append(i % 100).append(',').append(i * 1.25).append(',')
                    .append("2024-01-01 10:00:00").append(',').append(LocalDate.of(2023, 1, 1).plusDays(i % 365)).append(',')
                    .append(i % 5 == 0 ? "" : i % 3 == 0 ? "\"says \"\"hi\"\", ok\"" : "line " + i).append(',')
                    .append(i % 2 == 0).append('\n');
        }
        Files.writeString(csv, sb);
        List<String> events = new ArrayList<>();
        Progress progress = new Progress() {
            public void start(String step, long total) { events.add("start"); }
            public void advance(long done) { events.add("advance " + done); }
            public void finish(String summary) { events.add(summary); }
        };
        assertThat(w.loadFile(csv, t("orders"), progress)).isEqualTo(25_000);
        Map<String, String> types = new HashMap<>();
        w.columns(t("orders")).forEach(c -> types.put(c.name(), c.typeName()));
        assertThat(types).containsEntry("order_id", "int8").containsEntry("Customer ID", "int8")
                .containsEntry("amount", "float8").containsEntry("ordered_at", "timestamp")
                .containsEntry("day", "date").containsEntry("note", "text").containsEntry("vip", "bool");
        assertThat(w.queryLong("SELECT count(*) FROM t.orders WHERE note IS NULL")).isEqualTo(5_000);
        assertThat(w.queryOne("SELECT note FROM t.orders WHERE order_id = 3", List.of(), r -> r.string("note")))
                .contains("says \"hi\", ok");
        assertThat(w.queryLong("SELECT sum(\"Customer ID\") FROM t.orders")).isEqualTo(1_237_500);
        assertThat(events).contains("start", "advance 10000", "25,000 rows loaded into t.orders");

        Files.writeString(csv, "order_id,amount\n1,2.5\n");
        assertThat(w.loadFile(csv, t("orders"), Progress.NONE)).isEqualTo(1);
        assertThat(w.columns(t("orders"))).extracting(Column::name).containsExactly("order_id", "amount");
        assertThatThrownBy(() -> w.loadFile(dir.resolve("none.csv"), t("x"), Progress.NONE)).hasMessageContaining("no file");
    }

    @Test
    void dateArithmetic() {
        LocalDate jan1 = LocalDate.of(2024, 1, 1);
        assertThat(w.queryLong("SELECT " + d.daysBetween(d.dateLiteral(jan1), d.addDays(d.dateLiteral(jan1), "45"))))
                .isEqualTo(45);
        assertThat(w.queryOne("SELECT " + d.addDays(d.dateLiteral(LocalDate.of(2024, 2, 28)), "1") + " AS x",
                List.of(), r -> r.date("x"))).contains(LocalDate.of(2024, 2, 29));
        assertThat(w.queryLong("SELECT " + d.daysBetween(d.timestampLiteral(Instant.parse("2024-03-10T23:59:00Z")),
                d.dateLiteral(LocalDate.of(2024, 3, 1))))).isEqualTo(-9);
        assertThat(w.queryOne("SELECT " + d.addDays("?", "-1") + " AS x", List.of(jan1), r -> r.date("x")))
                .contains(LocalDate.of(2023, 12, 31));
    }

    @Test
    void holdoutBucketAndSha256MatchDuckDbAndJava() throws Exception {
        List<String> keys = new ArrayList<>(List.of("", " ", "1", "0001", "customer-42", "ümlaut", "日本語", "emoji 😀",
                "it's", "a\"b", "x".repeat(300)));
        Random random = new Random(7);
        while (keys.size() < 1_000) keys.add(Long.toString(random.nextLong(), 36) + (keys.size() % 3 == 0 ? "é" : ""));
        Map<String, Long> java = new HashMap<>();
        Map<String, String> javaSha = new HashMap<>();
        for (String k : keys) {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(("seg:" + k).getBytes(StandardCharsets.UTF_8));
            java.put(k, Long.parseLong(HexFormat.of().formatHex(md5).substring(0, 8), 16) % 10_000);
            javaSha.put(k, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(buckets(w, keys)).isEqualTo(java);
        assertThat(sha(w, keys)).isEqualTo(javaSha);
        try (DuckDbWarehouse duck = DuckDbWarehouseFactory.inMemory("seglift")) {
            duck.execute("CREATE SCHEMA t");
            assertThat(buckets(duck, keys)).isEqualTo(java);
            assertThat(sha(duck, keys)).isEqualTo(javaSha);
        }
        assertThat(w.queryLong("SELECT " + d.hex8ToBigint("'ffffffff'"))).isEqualTo(4_294_967_295L);
        assertThat(w.queryLong("SELECT " + d.hex8ToBigint("'00000000'"))).isZero();
    }

    private static void keysTable(Warehouse wh, List<String> keys) {
        Dialect dl = wh.dialect();
        wh.execute("CREATE TABLE t.keys (id " + dl.type(ColumnType.INTEGER) + ", k " + dl.type(ColumnType.TEXT) + ")");
        try (BulkWriter bw = wh.bulkWriter(t("keys"), List.of("id", "k"))) {
            for (int i = 0; i < keys.size(); i++) bw.row(i, keys.get(i));
        }
    }

    private static Map<String, Long> buckets(Warehouse wh, List<String> keys) {
        keysTable(wh, keys);
        Map<String, Long> out = new HashMap<>();
        Dialect dl = wh.dialect();
        wh.query("SELECT k, " + dl.holdoutBucket(dl.literal("seg"), "k") + " AS b FROM t.keys", List.of(),
                r -> out.put(r.string("k"), r.longValue("b")));
        wh.execute("DROP TABLE t.keys");
        return out;
    }

    private static Map<String, String> sha(Warehouse wh, List<String> keys) {
        keysTable(wh, keys);
        Map<String, String> out = new HashMap<>();
        wh.query("SELECT k, " + wh.dialect().sha256Hex("k") + " AS h FROM t.keys", List.of(),
                r -> out.put(r.string("k"), r.string("h")));
        wh.execute("DROP TABLE t.keys");
        return out;
    }

    @Test
    void replaceTableAsAndUpsert() {
        w.execute("CREATE TABLE t.r AS SELECT 1 AS a");
        w.inTransaction(x -> d.replaceTableAs(t("r"), "SELECT n AS a, n * 2 AS b FROM generate_series(1, 5) n")
                .forEach(x::execute));
        assertThat(w.queryLong("SELECT sum(b) FROM t.r")).isEqualTo(30);
        assertThat(w.tableExists(TableName.of("t", "r__seglift_new"))).isFalse();
        TableName longName = t("l".repeat(60));
        assertThat(((PostgresDialect) d).staging(longName).table().length()).isLessThanOrEqualTo(63);
        w.inTransaction(x -> d.replaceTableAs(longName, "SELECT 1 AS a").forEach(x::execute));
        assertThat(w.tableExists(longName)).isTrue();

        w.execute("CREATE TABLE t.u (k TEXT PRIMARY KEY, v BIGINT)");
        d.upsert(t("u"), List.of("k"), List.of("v"), "SELECT 'a', 1 UNION ALL SELECT 'b', 2").forEach(w::execute);
        d.upsert(t("u"), List.of("k"), List.of("v"), "SELECT 'a', 10 UNION ALL SELECT 'c', 3").forEach(w::execute);
        assertThat(w.queryLong("SELECT sum(v) FROM t.u")).isEqualTo(15);
        d.upsert(t("u"), List.of("k"), List.of(), "SELECT 'a'").forEach(w::execute);
        assertThat(w.queryLong("SELECT count(*) FROM t.u")).isEqualTo(3);
    }

    @Test
    void regexAndLogistic() {
        assertThat(w.queryOne("SELECT " + d.regexMatches("'abc'", "a.c") + " AS m", List.of(), r -> r.bool("m"))).contains(true);
        assertThat(w.queryOne("SELECT " + d.regexMatches("'xabcx'", "a.c") + " AS m", List.of(), r -> r.bool("m"))).contains(false);
        assertThat(w.queryOne("SELECT " + d.logistic("-5000") + " AS p", List.of(), r -> r.doubleValue("p")).get())
                .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-300));
        assertThat(w.queryOne("SELECT " + d.logistic("5000") + " AS p", List.of(), r -> r.doubleValue("p"))).contains(1.0);
        assertThat(w.queryOne("SELECT " + d.logistic("0") + " AS p", List.of(), r -> r.doubleValue("p"))).contains(0.5);
    }
}
