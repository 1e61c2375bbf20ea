package io.seglift.warehouse.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unmodified google-cloud-bigquery client against {@link BigQueryStub} on 127.0.0.1: the requests it really sends
 * (jobs.query, jobs.get and tabledata.list for the next page of a result, tables.get; bulk writes in
 * BigQueryBulkWriteProtocolTest), how the warehouse decodes the answers,
 * and how API errors map to exceptions.
 */
class BigQueryClientProtocolTest {
    private static final String SCHEMA = "\"schema\":{\"fields\":[{\"name\":\"id\",\"type\":\"INTEGER\"},"
            + "{\"name\":\"Name\",\"type\":\"STRING\"},{\"name\":\"amount\",\"type\":\"FLOAT\"},"
            + "{\"name\":\"ok\",\"type\":\"BOOLEAN\"},{\"name\":\"day\",\"type\":\"DATE\"},"
            + "{\"name\":\"at\",\"type\":\"TIMESTAMP\"}]}";
    private static final String JOB = "\"jobReference\":{\"projectId\":\"p1\",\"jobId\":\"j1\",\"location\":\"EU\"}";

    private final List<Duration> waits = new ArrayList<>();
    private BigQueryStub stub;
    private BigQueryWarehouse w;

    @BeforeEach
    void open() throws IOException {
        stub = new BigQueryStub();
        RetrySettings fast = RetrySettings.newBuilder().setMaxAttempts(3).setInitialRetryDelayDuration(Duration.ofMillis(1))
                .setMaxRetryDelayDuration(Duration.ofMillis(2)).setTotalTimeoutDuration(Duration.ofSeconds(20)).build();
        w = BigQueryWarehouseFactory.open(BigQueryWarehouseFactory.loopbackOptions(stub.endpoint(), "p1", fast),
                "shop", "seglift", waits::add);
    }

    @AfterEach
    void close() {
        w.close();
        stub.close();
    }

    @Test
    void aQuerySendsTypedPositionalParametersAndStreamsEveryPageWithNullsDecoded() {
        stub.answer("/bigquery/v2/projects/p1/queries", 200, "{\"kind\":\"bigquery#queryResponse\"," + JOB + ","
                + "\"jobComplete\":true," + SCHEMA + ",\"totalRows\":\"3\",\"pageToken\":\"page-2\",\"rows\":["
                + "{\"f\":[{\"v\":\"1\"},{\"v\":\"a\"},{\"v\":\"1.5\"},{\"v\":\"true\"},{\"v\":\"2026-03-01\"},"
                + "{\"v\":\"1.7726976E9\"}]},"
                + "{\"f\":[{\"v\":\"2\"},{\"v\":null},{\"v\":null},{\"v\":null},{\"v\":null},{\"v\":null}]}]}");
        stub.answer("/bigquery/v2/projects/p1/jobs/j1", 200, "{\"kind\":\"bigquery#job\"," + JOB
                + ",\"status\":{\"state\":\"DONE\"},\"configuration\":{\"query\":{\"query\":\"SELECT 1\","
                + "\"destinationTable\":{\"projectId\":\"p1\",\"datasetId\":\"_anon\",\"tableId\":\"anon1\"}}}}");
        stub.answer("/bigquery/v2/projects/p1/datasets/_anon/tables/anon1/data", 200,
                "{\"kind\":\"bigquery#tableDataList\",\"totalRows\":\"3\",\"rows\":["
                + "{\"f\":[{\"v\":\"3\"},{\"v\":\"c\"},{\"v\":\"-0.25\"},{\"v\":\"false\"},{\"v\":\"2024-02-29\"},"
                + "{\"v\":\"0\"}]}]}");
        List<String> rows = new ArrayList<>();
        w.query("SELECT * FROM t WHERE id > ? AND name <> ? AND day < ? AND ok = ?",
                List.of(0L, "x", LocalDate.parse("2026-12-31"), true),
                r -> rows.add(r.longValue("ID") + "|" + r.string("name") + "|" + r.doubleValue("amount") + "|"
                        + r.bool("ok") + "|" + r.date("day") + "|" + r.timestamp("at")));
        assertThat(rows).containsExactly("1|a|1.5|true|2026-03-01|2026-03-05T08:00:00Z", "2|null|null|null|null|null",
                "3|c|-0.25|false|2024-02-29|1970-01-01T00:00:00Z");
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.uri().replaceAll("\\?.*", ""))
                .containsExactly("POST /bigquery/v2/projects/p1/queries", "GET /bigquery/v2/projects/p1/jobs/j1",
                        "GET /bigquery/v2/projects/p1/datasets/_anon/tables/anon1/data");
        String body = stub.requests.get(0).body();
        assertThat(stub.requests.get(0).method()).isEqualTo("POST");
        assertThat(body).contains("\"query\":\"SELECT * FROM t WHERE id > ? AND name <> ? AND day < ? AND ok = ?\"",
                "\"useLegacySql\":false",
                "\"queryParameters\":[{\"parameterType\":{\"type\":\"INT64\"},\"parameterValue\":{\"value\":\"0\"}},"
                        + "{\"parameterType\":{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"x\"}},"
                        + "{\"parameterType\":{\"type\":\"DATE\"},\"parameterValue\":{\"value\":\"2026-12-31\"}},"
                        + "{\"parameterType\":{\"type\":\"BOOL\"},\"parameterValue\":{\"value\":\"true\"}}]",
                "\"defaultDataset\":{\"datasetId\":\"shop\",\"projectId\":\"p1\"}");
        assertThat(stub.requests.get(2).uri()).contains("pageToken=page-2");
    }

    @Test
    void namedParametersBindByName() {
        stub.answer("/queries", 200, "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[{\"name\":\"n\","
                + "\"type\":\"INTEGER\"}]},\"totalRows\":\"1\",\"rows\":[{\"f\":[{\"v\":\"42\"}]}]}");
        long n = w.queryLong("SELECT count(*) AS n FROM t WHERE at >= @since", Map.of("since",
                Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(n).isEqualTo(42);
        assertThat(stub.requests.get(0).body()).contains("\"name\":\"since\"",
                "\"type\":\"TIMESTAMP\"", "2026-01-01 00:00:00");
    }

    @Test
    void dmlReturnsTheAffectedRowCount() {
        stub.answer("/queries", 200, "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[]},"
                + "\"numDmlAffectedRows\":\"7\"}");
        assertThat(w.execute("UPDATE t SET v = 1 WHERE k = ?", "a")).isEqualTo(7);
    }

    @Test
    void syntaxErrorsMapToAnInvalidQueryException() {
        stub.answer("/queries", 400, BigQueryStub.error(400, "invalidQuery", "Syntax error: Unexpected keyword FROM"));
        assertThatThrownBy(() -> w.queryLong("SELECT FROM"))
                .isInstanceOfSatisfying(BigQueryWarehouseException.class, e -> {
                    assertThat(e.httpCode()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("invalidQuery");
                    assertThat(e.getMessage()).contains("Syntax error", "[invalidQuery]");
                });
        assertThat(stub.requests).hasSize(1);
    }

    @Test
    void authAndQuotaErrorsAreTold() {
        stub.answer("/queries", 401, BigQueryStub.error(401, "unauthorized", "Request had invalid credentials"));
        assertThatThrownBy(() -> w.queryLong("SELECT 1"))
                .isInstanceOfSatisfying(BigQueryWarehouseException.class, e -> assertThat(e.isAuth()).isTrue());
        stub.answer("/queries", 403, BigQueryStub.error(403, "quotaExceeded", "Quota exceeded: too many bytes"));
        assertThatThrownBy(() -> w.queryLong("SELECT 1"))
                .isInstanceOfSatisfying(BigQueryWarehouseException.class, e -> {
                    assertThat(e.isQuota()).isTrue();
                    assertThat(e.isAuth()).isFalse();
                });
    }

    @Test
    void readsAreRetriedOnServerErrorsWithBackoffButDmlIsNot() {
        stub.answer("/queries", 503, BigQueryStub.error(503, "backendError", "try again"));
        stub.answer("/queries", 502, BigQueryStub.error(502, "backendError", "try again"));
        stub.answer("/queries", 200, "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[{\"name\":\"n\","
                + "\"type\":\"INTEGER\"}]},\"totalRows\":\"1\",\"rows\":[{\"f\":[{\"v\":\"1\"}]}]}");
        assertThat(w.queryLong("SELECT 1 AS n")).isEqualTo(1);
        assertThat(stub.requests).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        stub.answer("/queries", 503, BigQueryStub.error(503, "backendError", "try again"));
        assertThatThrownBy(() -> w.execute("DELETE FROM t WHERE true"))
                .isInstanceOfSatisfying(BigQueryWarehouseException.class, e -> assertThat(e.httpCode()).isEqualTo(503));
        assertThat(stub.requests).hasSize(4);
    }

    @Test
    void rateLimitsAreRetriedByTheClientItself() {
        stub.answer("/queries", 403, BigQueryStub.error(403, "rateLimitExceeded",
                "Exceeded rate limits: too many concurrent queries for this project"));
        stub.answer("/queries", 200, "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[{\"name\":\"n\","
                + "\"type\":\"INTEGER\"}]},\"totalRows\":\"1\",\"rows\":[{\"f\":[{\"v\":\"5\"}]}]}");
        assertThat(w.queryLong("SELECT 5 AS n")).isEqualTo(5);
        assertThat(stub.requests).hasSize(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void columnsComeFromTablesGet() {
        stub.answer("/projects/p1/datasets/seglift/tables/runs", 200, "{\"tableReference\":{\"projectId\":\"p1\","
                + "\"datasetId\":\"seglift\",\"tableId\":\"runs\"},\"type\":\"TABLE\"," + SCHEMA + "}");
        assertThat(w.columns(w.own("runs"))).extracting(c -> c.name() + ":" + c.typeName())
                .containsExactly("id:INT64", "Name:STRING", "amount:FLOAT64", "ok:BOOL", "day:DATE", "at:TIMESTAMP");
        stub.answer("/tables/gone", 404, BigQueryStub.error(404, "notFound", "Not found: Table p1:seglift.gone"));
        assertThat(w.tableExists(w.own("gone"))).isFalse();
    }
}
