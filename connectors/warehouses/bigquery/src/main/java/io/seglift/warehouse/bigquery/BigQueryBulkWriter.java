package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.TableId;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.WarehouseException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends rows with {@code tabledata.insertAll} (https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/insertAll)
 * in chunks of a bounded number of rows, so no more than one chunk is ever held. Each row carries an insert id, so a
 * chunk retried by the client is de-duplicated by BigQuery on a best-effort basis. insertAll is not transactional:
 * a failing chunk leaves earlier chunks written, and the writer reports every rejected row's index.
 */
final class BigQueryBulkWriter implements BulkWriter {
    private final BigQuery bigquery;
    private final TableId table;
    private final List<String> columns;
    private final int chunkRows;
    private final String idPrefix = java.util.UUID.randomUUID().toString();
    private List<InsertAllRequest.RowToInsert> chunk = new ArrayList<>();
    private long count;

    BigQueryBulkWriter(BigQuery bigquery, TableId table, List<String> columns, int chunkRows) {
        this.bigquery = bigquery;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.chunkRows = chunkRows;
    }

    @Override
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new WarehouseException("bulk row for " + table.getTable() + " has " + values.length
                    + " values; the writer was opened with " + columns.size() + " columns " + columns);
        }
        Map<String, Object> content = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            content.put(columns.get(i), json(values[i]));
        }
        chunk.add(InsertAllRequest.RowToInsert.of(idPrefix + "-" + count, content));
        count++;
        if (chunk.size() >= chunkRows) {
            flush();
        }
    }

    /** The JSON form BigQuery's streaming API takes for each portable type; NULLs are sent as JSON null. */
    private static Object json(Object v) {
        if (v instanceof LocalDate || v instanceof java.math.BigDecimal) {
            return v.toString();
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        return v;
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        InsertAllRequest request = InsertAllRequest.newBuilder(table).setRows(chunk).build();
        chunk = new ArrayList<>();
        InsertAllResponse response;
        try {
            response = bigquery.insertAll(request);
        } catch (BigQueryException e) {
            throw BigQueryWarehouse.failure("inserting rows into " + table.getTable(), e);
        }
        if (response.hasErrors()) {
            Map.Entry<Long, List<BigQueryError>> first = response.getInsertErrors().entrySet().iterator().next();
            throw new WarehouseException("BigQuery rejected " + response.getInsertErrors().size() + " row(s) of a chunk "
                    + "inserted into " + table.getTable() + "; first: row " + first.getKey() + " of the chunk: "
                    + first.getValue().get(0).getReason() + " " + first.getValue().get(0).getMessage());
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        flush();
    }
}
