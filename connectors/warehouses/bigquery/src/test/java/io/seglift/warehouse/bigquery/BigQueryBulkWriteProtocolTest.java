package io.seglift.warehouse.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.TableId;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk writes against {@link BigQueryStub}, which refuses DML over rows in the streaming buffer as BigQuery does: a
 * table written by the bulk writer can be changed by DML right away (Seglift's sync batch is written, then MERGEd
 * into sync state and DELETEd), because small writes are one DML INSERT and large ones one load job, never insertAll.
 */
class BigQueryBulkWriteProtocolTest {
    private static final String JOB = "\"jobReference\":{\"projectId\":\"p1\",\"jobId\":\"j1\",\"location\":\"EU\"}";
    private static final String DML_DONE = "{" + JOB + ",\"jobComplete\":true,\"schema\":{\"fields\":[]},"
            + "\"numDmlAffectedRows\":\"1\",\"totalRows\":\"0\"}";
    private static final String QUERY_JOB = "{\"kind\":\"bigquery#job\"," + JOB + ",\"status\":{\"state\":\"DONE\"},"
            + "\"configuration\":{\"query\":{\"query\":\"DELETE\"}}}";
    private static final String LOAD_JOB = "{\"kind\":\"bigquery#job\",\"jobReference\":{\"projectId\":\"p1\","
            + "\"jobId\":\"load1\",\"location\":\"EU\"},\"status\":{\"state\":\"DONE\"},\"configuration\":{\"load\":{"
            + "\"destinationTable\":{\"projectId\":\"p1\",\"datasetId\":\"shop\",\"tableId\":\"t\"}}},"
            + "\"statistics\":{\"load\":{\"outputRows\":\"25\"}}}";

    private BigQueryStub stub;
    private BigQueryWarehouse w;

    @BeforeEach
    void open() throws IOException {
        stub = new BigQueryStub();
        stub.always("/projects/p1/jobs/j1", 200, QUERY_JOB);
        RetrySettings fast = RetrySettings.newBuilder().setMaxAttempts(1).setTotalTimeoutDuration(Duration.ofSeconds(20))
                .build();
        w = BigQueryWarehouseFactory.open(BigQueryWarehouseFactory.loopbackOptions(stub.endpoint(), "p1", fast),
                "shop", "seglift", d -> { }, 10);
    }

    @AfterEach
    void close() {
        w.close();
        stub.close();
    }

    private List<String> paths() {
        return stub.requests.stream().map(r -> r.method() + " " + r.uri().replaceAll("\\?.*", "")).toList();
    }

    @Test
    void theStubRefusesDmlOverStreamedRowsAsBigQueryDoes() {
        stub.answer("/datasets/shop/tables/t/insertAll", 200, "{\"kind\":\"bigquery#tableDataInsertAllResponse\"}");
        w.client().insertAll(InsertAllRequest.newBuilder(TableId.of("p1", "shop", "t"))
                .addRow(Map.of("id", 1, "name", "a")).build());
        assertThatThrownBy(() -> w.execute("DELETE FROM `shop`.`t` WHERE id = ?", 1L))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("streaming buffer");
        stub.answer("/queries", 200, DML_DONE);
        w.execute("DELETE FROM `shop`.`other` WHERE id = ?", 1L);
    }

    @Test
    void aSmallWriteIsOneParameterizedInsertThatDmlMayChangeAtOnce() {
        stub.answer("/bigquery/v2/projects/p1/queries", 200, DML_DONE);
        stub.answer("/bigquery/v2/projects/p1/queries", 200, DML_DONE);
        try (BulkWriter out = w.bulkWriter(TableName.of("shop", "t"), List.of("id", "name", "day"))) {
            out.row(1L, "n'1", LocalDate.parse("2026-01-01"));
            out.row(2L, null, LocalDate.parse("2026-01-02"));
            out.row(3L, "c", null);
        }
        w.execute("DELETE FROM `shop`.`t` WHERE id = ?", 2L);
        assertThat(paths()).containsExactly("POST /bigquery/v2/projects/p1/queries",
                "POST /bigquery/v2/projects/p1/queries");
        String insert = stub.requests.get(0).body();
        assertThat(insert).contains("\"query\":\"INSERT INTO `shop`.`t` (`id`, `name`, `day`) VALUES (?, ?, ?), "
                + "(?, NULL, ?), (?, ?, NULL)\"", "\"type\":\"INT64\"", "\"type\":\"DATE\"", "\"value\":\"n'1\"");
        assertThat(insert.split("\"parameterType\"", -1)).hasSize(8);
    }

    @Test
    void aLargeWriteIsOneLoadJobOfJsonLinesThatDmlMayChangeAtOnce() {
        stub.answer("/upload/bigquery/v2/projects/p1/jobs", 200, "{}",
                Map.of("Location", stub.endpoint() + "/upload/session-1"));
        stub.answer("/upload/session-1", 200, LOAD_JOB);
        stub.always("/projects/p1/jobs/load1", 200, LOAD_JOB);
        try (BulkWriter out = w.bulkWriter(TableName.of("shop", "t"), List.of("id", "name", "at"))) {
            for (int i = 0; i < 25; i++) {
                out.row((long) i, i == 3 ? null : "n\"" + i, Instant.parse("2026-01-01T10:00:00Z"));
            }
        }
        stub.answer("/queries", 200, DML_DONE);
        w.execute("DELETE FROM `shop`.`t` WHERE id = ?", 3L);
        assertThat(paths()).doesNotContain("POST /bigquery/v2/projects/p1/datasets/shop/tables/t/insertAll")
                .startsWith("POST /upload/bigquery/v2/projects/p1/jobs", "PUT /upload/session-1")
                .endsWith("POST /bigquery/v2/projects/p1/queries");
        assertThat(stub.requests.get(0).body()).contains("\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"",
                "\"writeDisposition\":\"WRITE_APPEND\"", "\"createDisposition\":\"CREATE_NEVER\"",
                "\"datasetId\":\"shop\"", "\"tableId\":\"t\"");
        String lines = stub.requests.get(1).body();
        assertThat(lines.split("\n")).hasSize(25).startsWith(
                "{\"id\":0,\"name\":\"n\\\"0\",\"at\":\"2026-01-01 10:00:00.000000+00:00\"}");
        assertThat(lines).contains("{\"id\":3,\"name\":null,");
    }

    @Test
    void aFailedLoadJobFailsTheWriter() {
        stub.answer("/upload/bigquery/v2/projects/p1/jobs", 200, "{}",
                Map.of("Location", stub.endpoint() + "/upload/session-2"));
        String failed = LOAD_JOB.replace("\"state\":\"DONE\"}", "\"state\":\"DONE\",\"errorResult\":{\"reason\":"
                + "\"invalid\",\"message\":\"No such field: nope\"}}");
        stub.answer("/upload/session-2", 200, failed);
        stub.always("/projects/p1/jobs/load1", 200, failed);
        assertThatThrownBy(() -> {
            try (BulkWriter out = w.bulkWriter(TableName.of("shop", "t"), List.of("nope"))) {
                for (int i = 0; i < 11; i++) out.row("x");
            }
        }).isInstanceOf(WarehouseException.class).hasMessageContaining("No such field: nope");
    }
}
