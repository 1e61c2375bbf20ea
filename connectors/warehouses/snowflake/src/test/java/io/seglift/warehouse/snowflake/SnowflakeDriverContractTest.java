package io.seglift.warehouse.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.seglift.warehouse.snowflake.SnowflakeStub.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unmodified snowflake-jdbc driver against {@link SnowflakeStub} on 127.0.0.1: what Seglift makes the driver send
 * (login parameters, SQL text, bind types, array binds, session close) and how the driver's decoding and errors reach
 * Seglift (types and NULLs, compilation errors, failed logins, a retried 503).
 */
@org.junit.jupiter.api.Timeout(120)
class SnowflakeDriverContractTest {
    private SnowflakeStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new SnowflakeStub();
    }

    @AfterEach
    void stop() {
        stub.close();
        assertThat(stub.errors).as("failures inside the stub").isEmpty();
    }

    private Warehouse open() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("account", "stub_account");
        values.put("user", "SEGLIFT");
        values.put("password", io.seglift.spi.settings.Secret.of("${env:SNOWFLAKE_PASSWORD}", "not-a-real-secret"));
        values.put("database", "ANALYTICS");
        values.put("role", "SEGLIFT_ROLE");
        values.put("warehouse", "SEGLIFT_WH");
        values.put("url", stub.url());
        return new SnowflakeWarehouseFactory().open(new Settings("warehouse", "snowflake", values), Path.of("."),
                "seglift");
    }

    @Test
    void loginCarriesTheSafeDefaultsAndCloseDeletesTheSession() {
        try (Warehouse w = open()) {
            assertThat(w.dialect().name()).isEqualTo("snowflake");
        }
        JsonNode login = stub.received.get(0).body().get("data");
        assertThat(stub.received.get(0).path()).isEqualTo("/session/v1/login-request");
        assertThat(login.get("ACCOUNT_NAME").asText()).isEqualToIgnoringCase("stub_account");
        assertThat(login.get("LOGIN_NAME").asText()).isEqualTo("SEGLIFT");
        JsonNode params = login.get("SESSION_PARAMETERS");
        assertThat(params.get("CLIENT_TELEMETRY_ENABLED").asText()).isEqualToIgnoringCase("false");
        JsonNode client = login.get("CLIENT_ENVIRONMENT");
        assertThat(client.get("CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED").asText()).isEqualToIgnoringCase("false");
        assertThat(client.get("disablePlatformDetection").asText()).isEqualTo("true");
        assertThat(client.get("PLATFORM").toString()).as("the driver's own record of platform detection")
                .isEqualTo("[\"disabled\"]");
        assertThat(params.get("TIMEZONE").asText()).isEqualTo("UTC");
        assertThat(params.get("CLIENT_TIMESTAMP_TYPE_MAPPING").asText()).isEqualTo("TIMESTAMP_NTZ");
        assertThat(params.get("MULTI_STATEMENT_COUNT").asText()).isEqualTo("1");
        assertThat(stub.received.get(0).query()).contains("databaseName=ANALYTICS").contains("roleName=SEGLIFT_ROLE")
                .contains("warehouse=SEGLIFT_WH");
        assertThat(stub.received).extracting(SnowflakeStub.Received::path)
                .as("every request the driver sent").containsOnly("/session/v1/login-request", "/session");
        SnowflakeStub.Received last = stub.received.get(stub.received.size() - 1);
        assertThat(last.path() + "?" + last.query()).contains("/session?").contains("delete=true");
    }

    @Test
    void resultsDecodeEveryTypeAndNull() {
        stub.onQuery(body -> SnowflakeStub.ok(SnowflakeStub.resultData(0x1000, List.of(
                        new String[]{"ID", "fixed"}, new String[]{"NAME", "text"}, new String[]{"AMOUNT", "real"},
                        new String[]{"OK", "boolean"}, new String[]{"DAY", "date"}),
                List.of(Arrays.asList("7", "Ann", "12.5", "1", "20454"),
                        Arrays.asList("8", null, null, null, null)))));
        try (Warehouse w = open()) {
            List<String> rows = w.queryList("SELECT id, name, amount, ok, day FROM raw.t", List.of(),
                    r -> r.longValue("id") + "|" + r.string("name") + "|" + r.get(2) + "|" + r.get(3) + "|"
                            + (r.get(4) == null ? null : r.date("day")));
            assertThat(rows).containsExactly("7|Ann|12.5|true|2026-01-01", "8|null|null|null|null");
        }
        assertThat(stub.queries().get(0).body().get("sqlText").asText()).isEqualTo("SELECT id, name, amount, ok, day FROM raw.t");
    }

    @Test
    void bindsReachTheServerWithTheirSnowflakeTypes() {
        stub.onQuery(body -> SnowflakeStub.ok(SnowflakeStub.insertedData(1)));
        try (Warehouse w = open()) {
            long n = w.execute("INSERT INTO \"SEGLIFT\".\"T\" (A, B, C, D) VALUES (?, ?, ?, ?)", "x'y", 42L,
                    LocalDate.of(2026, 1, 1), 0.5);
            assertThat(n).isEqualTo(1);
        }
        JsonNode sent = stub.queries().get(stub.queries().size() - 1).body();
        assertThat(sent.get("sqlText").asText()).isEqualTo("INSERT INTO \"SEGLIFT\".\"T\" (A, B, C, D) VALUES (?, ?, ?, ?)");
        JsonNode b = sent.get("bindings");
        assertThat(b.get("1").get("type").asText()).isEqualTo("TEXT");
        assertThat(b.get("1").get("value").asText()).isEqualTo("x'y");
        assertThat(b.get("2").get("type").asText()).isEqualTo("FIXED");
        assertThat(b.get("2").get("value").asText()).isEqualTo("42");
        assertThat(b.get("3").get("type").asText()).isEqualTo("DATE");
        assertThat(b.get("4").get("type").asText()).isEqualTo("REAL");
    }

    @Test
    void bulkWritesAreArrayBindsInBoundedBatches() {
        List<JsonNode> inserts = new ArrayList<>();
        stub.onQuery(body -> {
            inserts.add(body);
            JsonNode values = body.path("bindings").path("1").path("value");
            int rows = values.isArray() ? values.size() : 1;
            return SnowflakeStub.ok(SnowflakeStub.insertedData(rows));
        });
        String wide = "k".repeat(40_000);
        try (Warehouse w = open()) {
            try (var out = w.bulkWriter(TableName.of("seglift", "keys"), List.of("k", "n"))) {
                for (int i = 0; i < 20; i++) out.row(i == 0 ? null : wide, (long) i);
            }
        }
        List<JsonNode> batches = inserts.stream()
                .filter(b -> b.path("bindings").path("1").path("value").isArray()).toList();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).get("sqlText").asText())
                .isEqualTo("INSERT INTO \"SEGLIFT\".\"KEYS\" (\"K\", \"N\") VALUES (?, ?)");
        assertThat(batches.get(0).get("bindings").get("1").get("value").size())
                .as("rows until about 512 KiB of values (a NULL, then 14 of 40 kB)").isEqualTo(15);
        assertThat(batches.get(1).get("bindings").get("1").get("value").size()).isEqualTo(5);
        assertThat(batches.get(0).get("bindings").get("1").get("value").get(0).isNull()).isTrue();
        assertThat(batches.get(0).get("bindings").get("2").get("type").asText()).isEqualTo("FIXED");
    }

    @Test
    void aCompilationErrorBecomesAWarehouseExceptionNamingTheStatement() {
        stub.onQuery(body -> SnowflakeStub.error("002003", "42S02",
                "SQL compilation error:\nObject 'RAW.NOPE' does not exist or not authorized."));
        try (Warehouse w = open()) {
            assertThatThrownBy(() -> w.queryLong("SELECT count(*) FROM raw.nope"))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("SQL compilation error")
                    .hasMessageContaining("[in: SELECT count(*) FROM raw.nope]");
            assertThat(w.checkQuery("SELECT * FROM raw.nope")).get().asString().isEqualTo("SQL compilation error: Object 'RAW.NOPE' does not exist or not authorized.");
        }
    }

    @Test
    void aFailedLoginIsAConnectionErrorWithoutTheSecret() {
        stub.login(SnowflakeStub.error("390100", "08004", "Incorrect username or password was specified."));
        assertThatThrownBy(this::open).isInstanceOf(WarehouseException.class)
                .hasMessageContaining("cannot connect to Snowflake at jdbc:snowflake://127.0.0.1:" + stub.port())
                .hasMessageContaining("Incorrect username or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-real-secret"));
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedByTheDriver() {
        stub.onQuery(body -> SnowflakeStub.ok(SnowflakeStub.resultData(0x1000,
                List.<String[]>of(new String[]{"N", "fixed"}), List.of(List.of("3")))));
        try (Warehouse w = open()) {
            stub.failNextQueryWith(503);
            assertThat(w.queryLong("SELECT 3 AS n")).isEqualTo(3);
        }
        assertThat(stub.queries()).hasSize(2);
        assertThat(stub.queries()).extracting(q -> q.body().get("sqlText").asText()).containsOnly("SELECT 3 AS n");
    }

    @Test
    void userSqlThatIsNotOneSelectIsRefusedBeforeAnythingIsSent() {
        try (Warehouse w = open()) {
            for (String sql : List.of("DELETE FROM raw.t", "SELECT 1; DELETE FROM raw.t", "DROP TABLE raw.t",
                    "ALTER SESSION SET TIMEZONE = 'UTC'", "SELECT SYSTEM$CANCEL_ALL_QUERIES(1)",
                    "SELECT $$ ' $$; DELETE FROM raw.t; SELECT 1 --", "USE ROLE ACCOUNTADMIN")) {
                assertThatThrownBy(() -> w.queryReadOnly(sql, r -> { })).as(sql)
                        .isInstanceOf(ReadOnlyViolationException.class);
            }
            assertThatThrownBy(() -> w.execute("SELECT '" + "x".repeat(SnowflakeDialect.MAX_STATEMENT_BYTES) + "'"))
                    .isInstanceOf(StatementTooLargeException.class);
        }
        assertThat(stub.queries()).isEmpty();
    }

    @Test
    void noRequestLeavesLoopback() throws Exception {
        assertThat(JSON.readTree("{}")).isNotNull();
        try (Warehouse w = open()) {
            w.execute("CREATE SCHEMA IF NOT EXISTS \"SEGLIFT\"");
        }
        assertThat(stub.received).extracting(SnowflakeStub.Received::path)
                .containsOnly("/session/v1/login-request", "/queries/v1/query-request", "/session");
    }
}
