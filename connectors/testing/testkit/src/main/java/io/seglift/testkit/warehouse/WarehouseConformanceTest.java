package io.seglift.testkit.warehouse;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.toolkit.jdbc.Migrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every warehouse keeps, run against the real engine. A warehouse module extends this class and says how
 * to open a warehouse on an empty database; each check then records its result, and the table of checks is written
 * to {@code target/warehouse-conformance-<engine>.md} and printed when the class ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WarehouseConformanceTest {
    /** The schema the kit's own tables live in; dropped by {@link #openWarehouse} implementations as needed. */
    protected static final String KIT = "kit";
    private static final String SALT = "kit-salt";

    private final Map<String, String> results = new TreeMap<>();
    protected Warehouse w;
    protected Dialect d;

    @TempDir
    protected Path dir;

    /** A warehouse whose own schema is {@code schema}, on a database without the schemas {@code kit} and {@code schema}. */
    protected abstract Warehouse openWarehouse(String schema);

    /** Statements this engine must refuse in {@link Warehouse#queryReadOnly}, beyond the common ones. */
    protected List<String> engineHostileStatements(Path dir) {
        return List.of();
    }

    /** Statements this engine lets run read-only but whose effect must not outlive the call (e.g. PostgreSQL SET). */
    protected List<String> engineHarmlessStatements() {
        return List.of();
    }

    @BeforeEach
    void openKit() {
        w = openWarehouse("kit_own");
        d = w.dialect();
        w.execute(d.createSchemaIfNotExists(KIT));
    }

    @AfterEach
    void closeKit() {
        w.close();
    }

    @AfterAll
    void writeReport() throws IOException {
        String engine = results.isEmpty() ? "unknown" : results.get("engine");
        StringBuilder t = new StringBuilder("| check | " + engine + " |\n|---|---|\n");
        for (String check : CHECKS) {
            t.append("| ").append(check).append(" | ").append(results.getOrDefault(check, "FAILED or not run"))
                    .append(" |\n");
        }
        System.out.println("Warehouse conformance, " + engine + ":\n" + t);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("warehouse-conformance-" + engine + ".md"), t);
        }
    }

    private static final List<String> CHECKS = List.of("migrations", "bulk writes", "upsert", "atomic replace",
            "identifier case policy", "date arithmetic", "holdout bucket (5,000 keys)", "read-only user SQL",
            "failing read raises", "deterministic dedup");

    private void passed(String check, String detail) {
        results.put("engine", d.name());
        results.put(check, "pass: " + detail);
    }

    private TableName kit(String table) {
        return TableName.of(KIT, table);
    }

    @Test
    void migrationsApplyInOrderOnceAndReRunsAreIdempotent() {
        List<Migration> migrations = List.of(
                migration("0002-kit-second", (dl, s) -> List.of("ALTER TABLE " + dl.table(TableName.of(s, "kit_a"))
                        + " ADD COLUMN note " + dl.type(ColumnType.TEXT))),
                migration("0001-kit-first", (dl, s) -> List.of("CREATE TABLE " + dl.table(TableName.of(s, "kit_a"))
                        + " (id " + dl.type(ColumnType.BIGINT) + " NOT NULL, " + dl.primaryKey("id") + ")")));
        Migrator migrator = new Migrator(migrations);
        assertThat(migrator.migrate(w)).containsExactly("0001-kit-first", "0002-kit-second");
        assertThat(migrator.migrate(w)).isEmpty();
        assertThat(new Migrator(migrations).migrate(w)).isEmpty();
        assertThat(w.columns(w.own("kit_a"))).extracting(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                .containsExactly("id", "note");
        assertThat(w.queryLong("SELECT count(*) FROM " + d.table(w.own("schema_migrations")))).isEqualTo(2);
        passed("migrations", "2 applied in id order, re-run applied 0");
    }

    @Test
    void bulkWriterAppendsEveryPortableType() {
        TableName t = kit("bulk");
        w.execute("CREATE TABLE " + d.table(t) + " (id " + d.type(ColumnType.BIGINT) + ", name " + d.type(ColumnType.TEXT)
                + ", amount " + d.type(ColumnType.DOUBLE) + ", ok " + d.type(ColumnType.BOOLEAN) + ", day "
                + d.type(ColumnType.DATE) + ", n " + d.type(ColumnType.INTEGER) + ")");
        int rows = 20_000;
        try (var out = w.bulkWriter(t, List.of("id", "name", "amount", "ok", "day", "n"))) {
            for (int i = 0; i < rows; i++) {
                out.row((long) i, i % 100 == 0 ? null : "n'\"," + i, i * 0.5, i % 2 == 0,
                        LocalDate.of(2026, 1, 1).plusDays(i % 365), i % 7);
            }
        }
        assertThat(w.queryLong("SELECT count(*) FROM " + d.table(t))).isEqualTo(rows);
        assertThat(w.queryLong("SELECT count(*) FROM " + d.table(t) + " WHERE name IS NULL")).isEqualTo(rows / 100);
        assertThat(w.queryOne("SELECT name, day, amount FROM " + d.table(t) + " WHERE id = 12345", List.of(),
                r -> r.string("name") + "|" + r.date("day") + "|" + r.doubleValue("amount")))
                .contains("n'\",12345|" + LocalDate.of(2026, 1, 1).plusDays(12345 % 365) + "|6172.5");
        passed("bulk writes", rows + " rows, quotes, commas and NULLs kept");
    }

    @Test
    void upsertInsertsNewKeysAndUpdatesExistingOnes() {
        TableName t = kit("up");
        w.execute("CREATE TABLE " + d.table(t) + " (k " + d.type(ColumnType.TEXT) + " NOT NULL, v "
                + d.type(ColumnType.BIGINT) + ", " + d.primaryKey("k") + ")");
        w.execute("INSERT INTO " + d.table(t) + " (k, v) VALUES ('a', 1), ('b', 2)");
        w.inTransaction(tx -> d.upsert(t, List.of("k"), List.of("v"),
                "SELECT k, v FROM (SELECT 'b' AS k, 20 AS v UNION ALL SELECT 'c', 30) s").forEach(tx::execute));
        assertThat(w.queryList("SELECT k, v FROM " + d.table(t) + " ORDER BY k", List.of(),
                r -> r.string("k") + "=" + r.longValue("v"))).containsExactly("a=1", "b=20", "c=30");
        passed("upsert", "1 updated, 1 inserted, 1 untouched");
    }

    @Test
    void replaceTableAsIsAllOrNothing() {
        TableName t = kit("rep");
        w.execute("CREATE TABLE " + d.table(t) + " AS SELECT 1 AS x");
        w.inTransaction(tx -> d.replaceTableAs(t, "SELECT 2 AS x UNION ALL SELECT 3").forEach(tx::execute));
        assertThat(w.queryLong("SELECT sum(x) FROM " + d.table(t))).isEqualTo(5);
        assertThatThrownBy(() -> w.inTransaction(tx -> d.replaceTableAs(t, "SELECT no_such_column FROM "
                + d.table(t)).forEach(tx::execute))).isInstanceOf(WarehouseException.class);
        assertThat(w.queryLong("SELECT sum(x) FROM " + d.table(t))).isEqualTo(5);
        passed("atomic replace", "replaced; a failing replace left the old table");
    }

    @Test
    void identifierCasePolicyResolvesLowerCaseProjectNames() {
        TableName t = kit("cased");
        w.execute("CREATE TABLE " + d.table(t) + " (CustId INTEGER, OrderTotal INTEGER)");
        w.execute("INSERT INTO " + d.table(t) + " VALUES (7, 70)");
        assertThat(w.columns(t)).extracting(c -> c.name())
                .as("stored names of unquoted CustId, OrderTotal under policy " + d.identifierCase())
                .containsExactly(d.identifierCase().fold("CustId"), d.identifierCase().fold("OrderTotal"));
        long v = w.queryLong("SELECT " + d.unquoted("ordertotal") + " FROM " + d.table(t) + " WHERE "
                + d.unquoted("custid") + " = 7");
        assertThat(v).isEqualTo(70);
        passed("identifier case policy", d.identifierCase() + ": unquoted CustId stored as "
                + d.identifierCase().fold("CustId") + ", found as custid");
    }

    @Test
    void dateArithmeticMatchesKnownAnswers() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(d.addDays(d.dateLiteral(LocalDate.parse("2024-02-28")), "1"), "2024-02-29");
        cases.put(d.addDays(d.dateLiteral(LocalDate.parse("2023-02-28")), "1"), "2023-03-01");
        cases.put(d.addDays(d.dateLiteral(LocalDate.parse("2025-12-31")), "1"), "2026-01-01");
        cases.put(d.addDays(d.dateLiteral(LocalDate.parse("2026-03-01")), "-365"), "2025-03-01");
        for (var c : cases.entrySet()) {
            assertThat(w.queryOne("SELECT " + c.getKey() + " AS x", List.of(), r -> r.date("x")))
                    .as(c.getKey()).contains(LocalDate.parse(c.getValue()));
        }
        assertThat(w.queryLong("SELECT " + d.daysBetween(d.dateLiteral(LocalDate.parse("2024-01-01")),
                d.dateLiteral(LocalDate.parse("2024-03-01"))))).isEqualTo(60);
        assertThat(w.queryLong("SELECT " + d.daysBetween(d.dateLiteral(LocalDate.parse("2026-01-10")),
                d.dateLiteral(LocalDate.parse("2025-12-31"))))).isEqualTo(-10);
        assertThat(w.queryLong("SELECT " + d.daysBetween(d.timestampLiteral(java.time.Instant.parse(
                "2026-01-01T23:59:00Z")), d.dateLiteral(LocalDate.parse("2026-01-02"))))).isEqualTo(1);
        passed("date arithmetic", cases.size() + 3 + " known answers (leap day, year end, negative)");
    }

    /**
     * A read that fails on its last row must raise, never end short as if the result were complete: a sync planned
     * from a silently truncated member list would remove the members it did not see. (The DuckDB 1.4.1 JDBC driver
     * with {@code jdbc_stream_results=true} ends such a stream with {@code next() == false} and no error, which is why
     * DuckDB does not stream yet; see docs/warehouse-conformance.md.)
     */
    @Test
    void aReadFailingOnItsLastRowRaisesInsteadOfEndingShort() {
        TableName t = kit("failing_read");
        int n = 300_000;
        w.execute("CREATE TABLE " + d.table(t) + " (k " + d.type(ColumnType.BIGINT) + ", v " + d.type(ColumnType.TEXT) + ")");
        try (var out = w.bulkWriter(t, List.of("k", "v"))) {
            for (long i = 0; i < n; i++) out.row(i, i == n - 1 ? "not a number" : Long.toString(i));
        }
        long[] seen = {0};
        Throwable failure = catchThrowable(() -> w.query("SELECT k, CAST(v AS " + d.type(ColumnType.BIGINT) + ") AS x FROM "
                + d.table(t), List.of(), r -> seen[0]++));
        assertThat(failure).as("a read whose last row fails (after %d rows handed over)", seen[0])
                .isInstanceOf(io.seglift.spi.warehouse.WarehouseException.class);
        assertThat(seen[0]).isLessThan(n);
        passed("failing read raises", n + " rows, the last one failing; raised after " + seen[0] + " rows handed over");
    }

    /**
     * Customers sharing a key are reduced to the row whose {@link Dialect#rowText} sorts first: the same rows written
     * in opposite orders into two tables, and read three times, must give the same winner for every key.
     */
    @Test
    void rowTextPicksTheSameRowOfAKeyOnEveryRun() {
        List<Object[]> rows = List.of(
                new Object[] {1L, "zed", 1.5, LocalDate.parse("2026-01-01")},
                new Object[] {1L, null, 2.5, LocalDate.parse("2026-01-01")},
                new Object[] {1L, "amy", 0.5, LocalDate.parse("2025-06-30")},
                new Object[] {2L, "x", 1.0, null},
                new Object[] {2L, "x", 1.0, null},
                new Object[] {3L, "o'neil", -4.0, LocalDate.parse("2024-02-29")});
        List<List<String>> picks = new ArrayList<>();
        for (String name : List.of("dedup_forward", "dedup_reverse")) {
            TableName t = kit(name);
            w.execute("CREATE TABLE " + d.table(t) + " (k " + d.type(ColumnType.BIGINT) + ", name "
                    + d.type(ColumnType.TEXT) + ", amount " + d.type(ColumnType.DOUBLE) + ", day "
                    + d.type(ColumnType.DATE) + ")");
            List<Object[]> order = new ArrayList<>(rows);
            if (name.endsWith("reverse")) java.util.Collections.reverse(order);
            try (var out = w.bulkWriter(t, List.of("k", "name", "amount", "day"))) {
                for (Object[] r : order) out.row(r);
            }
            String sql = "SELECT k, name, amount, day FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.k ORDER BY "
                    + d.rowText("x") + ") AS seglift_rn FROM " + d.table(t) + " x) y WHERE seglift_rn = 1 ORDER BY k";
            for (int run = 0; run < 3; run++) {
                picks.add(w.queryList(sql, List.of(), r -> r.longValue("k") + "|" + r.string("name") + "|"
                        + r.doubleValue("amount") + "|" + r.date("day")));
            }
        }
        assertThat(picks.get(0)).hasSize(3);
        assertThat(picks).as("the winner of each key, 3 runs on each of 2 insert orders").allSatisfy(
                p -> assertThat(p).isEqualTo(picks.get(0)));
        passed("deterministic dedup", "3 keys with 2-3 rows each: the same winners in 6 reads of 2 insert orders");
    }

    @Test
    void holdoutBucketEqualsTheDefinitionOnFiveThousandKeys() {
        TableName t = kit("keys");
        w.execute("CREATE TABLE " + d.table(t) + " (k " + d.type(ColumnType.TEXT) + ")");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) keys.add(i % 5 == 0 ? "C-" + i : i % 5 == 1 ? "é-ü-" + i : Integer.toString(i * 7919));
        keys.add("");
        try (var out = w.bulkWriter(t, List.of("k"))) {
            for (String k : keys) out.row(k);
        }
        Map<String, Long> got = new HashMap<>();
        w.query("SELECT k, " + d.holdoutBucket(d.literal(SALT), "k") + " AS b FROM " + d.table(t), List.of(),
                r -> got.put(r.string("k"), r.longValue("b")));
        int mismatches = 0;
        for (String k : keys) {
            if (got.get(k) == null || got.get(k) != HoldoutBucket.of(SALT, k)) mismatches++;
        }
        assertThat(got).hasSize(keys.size());
        assertThat(mismatches).as("keys whose SQL bucket differs from md5(salt:key) % 10000").isZero();
        passed("holdout bucket (5,000 keys)", keys.size() + " keys, 0 mismatches");
    }

    @Test
    void userSqlIsReadOnlyByTheEngine() throws IOException {
        TableName t = kit("guarded");
        w.execute("CREATE TABLE " + d.table(t) + " (id INTEGER, v " + d.type(ColumnType.TEXT) + ")");
        w.execute("INSERT INTO " + d.table(t) + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        Path secret = Files.writeString(dir.resolve("secret.env"), "TOKEN=kit\n");
        Path out = dir.resolve("out.csv");
        String tbl = d.table(t);
        List<String> hostile = new ArrayList<>(List.of(
                "DELETE FROM " + tbl,
                "UPDATE " + tbl + " SET v = 'x'",
                "INSERT INTO " + tbl + " VALUES (9, 'x')",
                "DROP TABLE " + tbl,
                "CREATE TABLE " + d.table(kit("made")) + " (a INTEGER)",
                "SELECT 1; DELETE FROM " + tbl,
                "SELECT 'a;b'; DELETE FROM " + tbl + "; SELECT 1",
                "SELECT E'\\''; DELETE FROM " + tbl + "; SELECT 1 --'",
                "SELECT $$ ' $$; DELETE FROM " + tbl + "; SELECT 1 --",
                "SELECT $tag$ ' $tag$; DELETE FROM " + tbl + "; SELECT 1 --",
                "SELECT 1 /* /* */ ; DELETE FROM " + tbl + "; SELECT 1 /* */",
                "-- a comment\nDELETE FROM " + tbl,
                "COPY " + tbl + " TO '" + out + "'",
                "COPY (SELECT 1) TO '" + out + "'"));
        hostile.addAll(engineHostileStatements(dir));
        List<String> notRefused = new ArrayList<>();
        for (String sql : hostile) {
            try {
                w.queryReadOnly(sql, r -> { });
                notRefused.add(sql);
            } catch (WarehouseException refused) {
                // expected: the engine refused it
            }
            assertUnchanged(tbl, out, sql);
        }
        for (String sql : engineHarmlessStatements()) {
            try {
                w.queryReadOnly(sql, r -> { });
            } catch (WarehouseException refusedOrNoRows) {
                // either outcome is fine as long as nothing outlives the call
            }
            assertUnchanged(tbl, out, sql);
            w.queryReadOnly("SELECT 1 AS one", r -> { });
        }
        assertThat(notRefused).as("statements the engine let through").isEmpty();
        List<Long> ok = new ArrayList<>();
        w.queryReadOnly("WITH x AS (SELECT count(*) AS n FROM " + tbl + " WHERE v <> ';') SELECT n FROM x",
                r -> ok.add(r.longValue("n")));
        assertThat(ok).containsExactly(3L);
        assertThat(Files.readString(secret)).isEqualTo("TOKEN=kit\n");
        passed("read-only user SQL", hostile.size() + " hostile statements refused, "
                + engineHarmlessStatements().size() + " rolled back, table and files unchanged");
    }

    private void assertUnchanged(String tbl, Path out, String after) {
        assertThat(w.queryList("SELECT id, v FROM " + tbl + " ORDER BY id", List.of(),
                r -> r.longValue("id") + r.string("v"))).as("after: " + after).containsExactly("1a", "2b", "3c");
        assertThat(w.tableExists(kit("made"))).as("after: " + after).isFalse();
        assertThat(out).as("after: " + after).doesNotExist();
    }

    private static Migration migration(String id, java.util.function.BiFunction<Dialect, String, List<String>> sql) {
        return new Migration() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "kit " + id;
            }

            @Override
            public List<String> statements(Dialect dialect, String schema) {
                return sql.apply(dialect, schema);
            }
        };
    }

}
