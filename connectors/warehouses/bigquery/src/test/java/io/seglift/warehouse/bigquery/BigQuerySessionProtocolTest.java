package io.seglift.warehouse.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions in a BigQuery session and the read-only guard, as the client really sends them to a loopback stub:
 * the first statement opens the session ({@code createSession}), later ones carry {@code session_id}, the
 * transaction begins at the first DML statement and ends with COMMIT or ROLLBACK, and the session is aborted.
 */
class BigQuerySessionProtocolTest {
    private static final String JOB = "\"jobReference\":{\"projectId\":\"p1\",\"jobId\":\"j1\",\"location\":\"EU\"}";
    private static final String DONE_JOB = "{\"kind\":\"bigquery#job\"," + JOB + ",\"status\":{\"state\":\"DONE\"},"
            + "\"statistics\":{\"sessionInfo\":{\"sessionId\":\"s1\"},\"query\":{\"statementType\":\"CREATE_TABLE\"}},"
            + "\"configuration\":{\"query\":{\"query\":\"CREATE TABLE x (a INT64)\",\"createSession\":true,"
            + "\"destinationTable\":{\"projectId\":\"p1\",\"datasetId\":\"_anon\",\"tableId\":\"anon1\"}}}}";
    private static final String NO_ROWS = "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[]},"
            + "\"numDmlAffectedRows\":\"1\",\"totalRows\":\"0\"}";

    private BigQueryStub stub;
    private BigQueryWarehouse w;

    @BeforeEach
    void open() throws IOException {
        stub = new BigQueryStub();
        stub.always("/projects/p1/jobs", 200, DONE_JOB)
                .always("/projects/p1/queries/j1", 200, NO_ROWS)
                .always("/tables/anon1/data", 200, "{\"totalRows\":\"0\"}")
                .always("/projects/p1/queries", 200, NO_ROWS);
        RetrySettings fast = RetrySettings.newBuilder().setMaxAttempts(2).setInitialRetryDelayDuration(Duration.ofMillis(1))
                .setMaxRetryDelayDuration(Duration.ofMillis(2)).setTotalTimeoutDuration(Duration.ofSeconds(20)).build();
        w = BigQueryWarehouseFactory.open(BigQueryWarehouseFactory.loopbackOptions(stub.endpoint(), "p1", fast),
                "shop", "seglift", d -> { });
    }

    @AfterEach
    void close() {
        w.close();
        stub.close();
    }

    private List<String> queries() {
        List<String> q = new ArrayList<>();
        for (BigQueryStub.Request r : stub.requests) {
            if (r.method().equals("POST") && r.uri().contains("/queries")) {
                String sql = r.body().replaceAll(".*\"query\":\"([^\"]*)\".*", "$1");
                boolean inSession = r.body().contains("\"connectionProperties\":[{\"key\":\"session_id\",\"value\":\"s1\"}]");
                q.add(sql + (inSession ? " @s1" : ""));
            }
        }
        return q;
    }

    @Test
    void aTransactionRunsInOneSessionAndCommits() {
        w.inTransaction(tx -> {
            tx.execute("CREATE TABLE IF NOT EXISTS seglift.a (id INT64)");
            tx.execute("INSERT INTO seglift.a (id) VALUES (?)", 1L);
            tx.execute("UPDATE seglift.a SET id = 2 WHERE true");
        });
        BigQueryStub.Request first = stub.requests.get(0);
        assertThat(first.method() + " " + first.uri()).startsWith("POST /bigquery/v2/projects/p1/jobs");
        assertThat(first.body()).contains("\"createSession\":true", "CREATE TABLE IF NOT EXISTS seglift.a");
        assertThat(queries()).containsExactly("BEGIN TRANSACTION @s1", "INSERT INTO seglift.a (id) VALUES (?) @s1",
                "UPDATE seglift.a SET id = 2 WHERE true @s1", "COMMIT TRANSACTION @s1",
                "CALL BQ.ABORT_SESSION('s1')");
    }

    @Test
    void aFailingTransactionRollsBackAndNeverCommits() {
        assertThatThrownBy(() -> w.inTransaction(tx -> {
            tx.execute("SELECT 1");
            tx.execute("DELETE FROM seglift.a WHERE true");
            throw new IllegalStateException("work failed");
        })).hasMessage("work failed");
        assertThat(queries()).containsExactly("BEGIN TRANSACTION @s1", "DELETE FROM seglift.a WHERE true @s1",
                "ROLLBACK TRANSACTION @s1", "CALL BQ.ABORT_SESSION('s1')");
    }

    @Test
    void ddlAfterDmlInOneTransactionIsRefusedAndRolledBack() {
        assertThatThrownBy(() -> w.inTransaction(tx -> {
            tx.execute("SELECT 1");
            tx.execute("MERGE seglift.a t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)");
            tx.execute("DROP TABLE seglift.a");
        })).isInstanceOf(WarehouseException.class).hasMessageContaining("no DDL on permanent tables");
        assertThat(queries()).doesNotContain("DROP TABLE seglift.a @s1").contains("ROLLBACK TRANSACTION @s1")
                .doesNotContain("COMMIT TRANSACTION @s1");
    }

    /**
     * Every migration on the class path (scoring, sync) keeps BigQuery's transaction rule: within one migration, no
     * DDL on a permanent table after its first DML statement. Each migration's own statements are checked; the
     * migrator's record of it (an INSERT) comes last.
     */
    @Test
    void everyMigrationOnTheClassPathKeepsTheSessionRules() {
        List<String> applied = io.seglift.toolkit.jdbc.Migrator.discover().migrate(w);
        assertThat(applied).hasSizeGreaterThanOrEqualTo(9);
        assertThat(queries()).filteredOn(q -> q.startsWith("COMMIT TRANSACTION")).hasSize(applied.size());
        assertThat(queries()).noneMatch(q -> q.startsWith("ROLLBACK"));
    }

    @Test
    void userSqlIsDryRunFirstAndOnlyASelectRuns() {
        stub.answer("/projects/p1/jobs", 200, "{\"kind\":\"bigquery#job\"," + JOB + ",\"status\":{\"state\":\"DONE\"},"
                + "\"statistics\":{\"query\":{\"statementType\":\"DELETE\"}},\"configuration\":{\"dryRun\":true,"
                + "\"query\":{\"query\":\"DELETE FROM t WHERE true\"}}}");
        assertThatThrownBy(() -> w.queryReadOnly("DELETE FROM t WHERE true", r -> { }))
                .isInstanceOf(ReadOnlyViolationException.class).hasMessageContaining("DELETE");
        assertThat(stub.requests).hasSize(1);
        assertThat(stub.requests.get(0).body()).contains("\"dryRun\":true", "DELETE FROM t WHERE true");

        stub.answer("/projects/p1/jobs", 200, "{\"kind\":\"bigquery#job\"," + JOB + ",\"status\":{\"state\":\"DONE\"},"
                + "\"statistics\":{\"query\":{\"statementType\":\"SELECT\"}},\"configuration\":{\"dryRun\":true,"
                + "\"query\":{\"query\":\"SELECT 1 AS one\"}}}");
        stub.answer("/projects/p1/queries", 200, "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[{\"name\":"
                + "\"one\",\"type\":\"INTEGER\"}]},\"totalRows\":\"1\",\"rows\":[{\"f\":[{\"v\":\"1\"}]}]}");
        List<Long> got = new ArrayList<>();
        w.queryReadOnly("SELECT 1 AS one", r -> got.add(r.longValue("one")));
        assertThat(got).containsExactly(1L);
    }

    @Test
    void checkQueryReturnsBigQuerysMessage() throws IOException {
        try (BigQueryStub strict = new BigQueryStub()) {
            BigQueryWarehouse checked = BigQueryWarehouseFactory.open(BigQueryWarehouseFactory.loopbackOptions(
                    strict.endpoint(), "p1", RetrySettings.newBuilder().setMaxAttempts(1).build()), "shop", "seglift");
            strict.answer("/projects/p1/jobs", 400, BigQueryStub.error(400, "invalidQuery",
                    "Unrecognized name: nope at [1:8]"));
            assertThat(checked.checkQuery("SELECT nope FROM t")).hasValueSatisfying(m -> assertThat(m)
                    .contains("Unrecognized name: nope", "invalidQuery"));
            assertThat(strict.requests.get(0).body()).contains("\"dryRun\":true");
        }
    }
}
