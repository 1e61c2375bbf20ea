package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.WarehouseException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Appends rows so that DML can change them at once. Not {@code tabledata.insertAll}: rows streamed that way stay in
 * the streaming buffer, and BigQuery refuses UPDATE, DELETE, MERGE and TRUNCATE over them for up to 90 minutes
 * (https://cloud.google.com/bigquery/docs/data-manipulation-language#limitations), while Seglift's sync state
 * (sync_batch) and JVM-path scores are changed right after they are written.
 *
 * <ul>
 *   <li>Up to {@code dmlRows} rows: one parameterized {@code INSERT ... VALUES} run through the warehouse, so it joins
 *       the open transaction (sync batches are a few hundred rows and are written once per destination batch, more
 *       often than the 1,500 load jobs a table may take a day, https://cloud.google.com/bigquery/quotas#load_jobs).</li>
 *   <li>More rows: one load job of newline-delimited JSON (https://cloud.google.com/bigquery/docs/loading-data-cloud-storage-json),
 *       streamed through a resumable upload as the rows arrive, so only the upload's current chunk is held. A load
 *       job commits on its own, outside any transaction.</li>
 * </ul>
 */
final class BigQueryBulkWriter implements BulkWriter {
    /** BigQuery's limit on the parameters of one query (https://cloud.google.com/bigquery/quotas#query_jobs). */
    static final int MAX_PARAMETERS = 10_000;

    private final BigQuery bigquery;
    private final TableId table;
    private final String tableSql;
    private final List<String> columns;
    private final int dmlRows;
    private final BiConsumer<String, Object[]> execute;
    private List<Object[]> pending = new ArrayList<>();
    private TableDataWriteChannel channel;
    private Writer load;
    private long count;

    /**
     * @param tableSql the quoted table name for the INSERT
     * @param dmlRows  most rows written with one INSERT; more go through a load job
     * @param execute  runs one statement with its parameters on the warehouse
     */
    BigQueryBulkWriter(BigQuery bigquery, TableId table, String tableSql, List<String> columns, int dmlRows,
                       BiConsumer<String, Object[]> execute) {
        this.bigquery = bigquery;
        this.table = table;
        this.tableSql = tableSql;
        this.columns = List.copyOf(columns);
        this.dmlRows = Math.max(1, Math.min(dmlRows, MAX_PARAMETERS / Math.max(1, columns.size())));
        this.execute = execute;
    }

    @Override
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new WarehouseException("bulk row for " + table.getTable() + " has " + values.length
                    + " values; the writer was opened with " + columns.size() + " columns " + columns);
        }
        count++;
        if (load != null) {
            writeJson(values);
            return;
        }
        pending.add(values.clone());
        if (pending.size() > dmlRows) {
            openLoad();
            for (Object[] r : pending) {
                writeJson(r);
            }
            pending = List.of();
        }
    }

    private void openLoad() {
        WriteChannelConfiguration config = WriteChannelConfiguration.newBuilder(table)
                .setFormatOptions(FormatOptions.json())
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_APPEND)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER).build();
        try {
            channel = bigquery.writer(config);
        } catch (BigQueryException e) {
            throw BigQueryWarehouse.failure("starting a load job into " + table.getTable(), e);
        }
        load = new BufferedWriter(new java.io.OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private void writeJson(Object[] values) {
        StringBuilder b = new StringBuilder(64).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(',');
            JsonValues.string(b, columns.get(i));
            b.append(':');
            JsonValues.value(b, values[i]);
        }
        b.append("}\n");
        try {
            load.write(b.toString());
        } catch (IOException | BigQueryException e) {
            throw new WarehouseException("BigQuery load into " + table.getTable() + " failed while uploading: "
                    + e.getMessage(), e);
        }
    }

    private void insertPending() {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tableSql).append(" (")
                .append(new BigQueryDialect().columns(columns)).append(") VALUES ");
        List<Object> params = new ArrayList<>();
        for (int r = 0; r < pending.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = pending.get(r);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) sql.append(", ");
                // an untyped NULL literal takes the column's type; a NULL parameter would be a STRING
                if (row[i] == null) {
                    sql.append("NULL");
                } else {
                    sql.append('?');
                    params.add(row[i]);
                }
            }
            sql.append(')');
        }
        pending = new ArrayList<>();
        execute.accept(sql.toString(), params.toArray());
    }

    private void finishLoad() {
        try {
            load.close();
            Job job = channel.getJob();
            job = job == null ? null : job.waitFor();
            if (job == null || job.getStatus().getError() != null) {
                throw new WarehouseException("BigQuery load job into " + table.getTable() + " failed: "
                        + (job == null ? "the job disappeared" : job.getStatus().getError().getMessage()));
            }
        } catch (IOException e) {
            throw new WarehouseException("BigQuery load into " + table.getTable() + " failed while uploading: "
                    + e.getMessage(), e);
        } catch (BigQueryException e) {
            throw BigQueryWarehouse.failure("loading rows into " + table.getTable(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted while BigQuery loaded " + table.getTable(), e);
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (load != null) {
            finishLoad();
        } else {
            insertPending();
        }
    }
}
