package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.ConnectionProperty;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.RowMapper;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A BigQuery project and location, through the client library's query jobs. Unqualified table names resolve in the
 * configured default dataset; Seglift's own tables live in the dataset named by {@link #schema()}.
 *
 * <p>Transactions: BigQuery runs multi-statement transactions inside a session
 * (https://cloud.google.com/bigquery/docs/transactions). {@link #transaction} opens a session and sends every
 * statement of the work with its {@code session_id}; the transaction itself begins ({@code BEGIN TRANSACTION}) at the
 * first DML statement and ends with {@code COMMIT TRANSACTION}, or {@code ROLLBACK TRANSACTION} when the work throws.
 * BigQuery allows no DDL on permanent tables inside a transaction, so DDL that comes before the first DML statement
 * (a migration's {@code CREATE TABLE}) runs on its own, each statement atomic, and DDL after DML in the same work is
 * refused rather than silently committed early. Single statements ({@code MERGE}, {@code CREATE OR REPLACE TABLE})
 * are atomic without a transaction.
 */
public final class BigQueryWarehouse implements Warehouse {
    /** Rows per result page requested from the API; pages are fetched as the handler consumes rows. */
    static final long PAGE_ROWS = 10_000;
    private static final Pattern DML = Pattern.compile("^\\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERMANENT_DDL = Pattern.compile(
            "^\\s*(CREATE|DROP|ALTER)\\b(?!\\s+(OR\\s+REPLACE\\s+)?TEMP(ORARY)?\\b)", Pattern.CASE_INSENSITIVE);

    private final BigQuery bigquery;
    private final String project;
    private final String defaultDataset;
    private final String schema;
    private final int dmlRows;
    private final BigQueryDialect dialect = new BigQueryDialect();
    private final ReadRetry readRetry;
    private Session session;

    BigQueryWarehouse(BigQuery bigquery, String project, String defaultDataset, String schema, int dmlRows,
                      ReadRetry readRetry) {
        this.bigquery = bigquery;
        this.readRetry = readRetry;
        this.project = project;
        this.defaultDataset = defaultDataset;
        this.schema = schema;
        this.dmlRows = dmlRows;
    }

    /** The client, for tools that need BigQuery-only calls. */
    public BigQuery client() {
        return bigquery;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public long execute(String sql, Object... params) {
        if (session != null) {
            session.beforeStatement(sql);
        }
        TableResult r = run(sql, Arrays.asList(params));
        return r.getSchema() == null || r.getSchema().getFields().isEmpty() ? Math.max(0, r.getTotalRows()) : 0;
    }

    /** Reads are retried on 5xx answers (see {@link ReadRetry}); rows stream page by page as the handler consumes. */
    @Override
    public void query(String sql, List<?> params, RowHandler handler) {
        stream(readRetry.call(() -> run(sql, params)), handler);
    }

    /**
     * A dry run first: BigQuery itself reports the statement's type, and anything but a single {@code SELECT} (DML,
     * DDL, a script of several statements, {@code EXPORT DATA}, {@code CALL}) is refused before it runs.
     */
    @Override
    public void queryReadOnly(String sql, RowHandler handler) {
        String type;
        try {
            Job dry = bigquery.create(JobInfo.of(config(sql, List.of()).setDryRun(true).build()));
            JobStatistics.QueryStatistics stats = dry.getStatistics();
            type = stats == null || stats.getStatementType() == null ? null : stats.getStatementType().name();
        } catch (BigQueryException e) {
            throw new ReadOnlyViolationException("BigQuery refused the statement: " + message(e), e);
        }
        if (!"SELECT".equals(type)) {
            throw new ReadOnlyViolationException("only a single SELECT may run here; BigQuery reports this statement "
                    + "as " + (type == null ? "unknown" : type));
        }
        query(sql, List.of(), handler);
    }

    @Override
    public <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        query(sql, params, r -> out.add(mapper.map(r)));
        return out;
    }

    @Override
    public BulkWriter bulkWriter(TableName table, List<String> columns) {
        return new BigQueryBulkWriter(bigquery, tableId(table), dialect.table(table), columns, dmlRows, this::execute);
    }

    @Override
    public <T> T transaction(Function<Warehouse, T> work) {
        if (session != null) {
            return work.apply(this);
        }
        session = new Session();
        try {
            T result = work.apply(this);
            if (session.open) {
                run("COMMIT TRANSACTION", List.of());
            }
            return result;
        } catch (RuntimeException e) {
            if (session.open) {
                try {
                    run("ROLLBACK TRANSACTION", List.of());
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        } finally {
            Session done = session;
            session = null;
            if (done.id != null) {
                try {
                    run("CALL BQ.ABORT_SESSION(" + dialect.literal(done.id) + ")", List.of());
                } catch (RuntimeException ignored) {
                    // the session expires on its own after 24 hours of inactivity
                }
            }
        }
    }

    @Override
    public boolean tableExists(TableName table) {
        return table(table).isPresent();
    }

    @Override
    public List<Column> columns(TableName table) {
        return table(table).map(t -> {
            Schema s = t.getDefinition().getSchema();
            return s == null ? List.<Column>of() : s.getFields().stream()
                    .map(f -> new Column(f.getName(), f.getType().getStandardType().name())).toList();
        }).orElse(List.of());
    }

    private Optional<Table> table(TableName table) {
        try {
            return Optional.ofNullable(bigquery.getTable(tableId(table)));
        } catch (BigQueryException e) {
            throw failure("reading table " + table, e);
        }
    }

    @Override
    public Optional<String> checkQuery(String sql) {
        try {
            bigquery.create(JobInfo.of(config(sql, List.of()).setDryRun(true).build()));
            return Optional.empty();
        } catch (BigQueryException e) {
            return Optional.of(message(e));
        }
    }

    /** A load job: the file is uploaded and replaces the table, with the schema detected from the file. */
    @Override
    public long loadFile(Path file, TableName table, Progress progress) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        FormatOptions format = name.endsWith(".parquet") ? FormatOptions.parquet() : FormatOptions.csv();
        WriteChannelConfiguration load = WriteChannelConfiguration.newBuilder(tableId(table))
                .setFormatOptions(format).setAutodetect(true)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED).build();
        try {
            TableDataWriteChannel channel = bigquery.writer(load);
            try (OutputStream out = Channels.newOutputStream(channel)) {
                Files.copy(file, out);
            }
            Job job = channel.getJob().waitFor();
            if (job == null || job.getStatus().getError() != null) {
                throw new WarehouseException("BigQuery load of " + file.getFileName() + " into " + table + " failed: "
                        + (job == null ? "the job disappeared" : job.getStatus().getError().getMessage()));
            }
            JobStatistics.LoadStatistics stats = job.getStatistics();
            return stats.getOutputRows() == null ? 0 : stats.getOutputRows();
        } catch (IOException e) {
            throw new WarehouseException("cannot upload " + file.getFileName() + " to BigQuery: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted while loading " + file.getFileName(), e);
        } catch (BigQueryException e) {
            throw failure("loading " + file.getFileName() + " into " + table, e);
        }
    }

    @Override
    public void close() {
        // the client holds no connection that needs closing
    }

    TableId tableId(TableName t) {
        String dataset = t.schema().orElse(defaultDataset);
        return t.catalog().map(c -> TableId.of(c, dataset, t.table())).orElse(TableId.of(project, dataset, t.table()));
    }

    private QueryJobConfiguration.Builder config(String sql, List<?> params) {
        QueryJobConfiguration.Builder c = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false)
                .setMaxResults(PAGE_ROWS);
        if (defaultDataset != null) {
            c.setDefaultDataset(DatasetId.of(project, defaultDataset));
        }
        QueryParameters.bind(c, params);
        if (session != null && session.id != null) {
            c.setConnectionProperties(List.of(ConnectionProperty.of("session_id", session.id)));
        }
        return c;
    }

    private TableResult run(String sql, List<?> params) {
        try {
            if (session != null && session.id == null) {
                Job job = bigquery.create(JobInfo.of(config(sql, params).setCreateSession(true).build()));
                job = job.waitFor();
                if (job.getStatus() != null && job.getStatus().getError() != null) {
                    throw new BigQueryException(400, job.getStatus().getError().getMessage(), job.getStatus().getError());
                }
                JobStatistics stats = job.getStatistics();
                session.id = stats.getSessionInfo() == null ? null : stats.getSessionInfo().getSessionId();
                if (session.id == null) {
                    throw new WarehouseException("BigQuery did not open a session for the transaction");
                }
                return job.getQueryResults();
            }
            return bigquery.query(config(sql, params).build());
        } catch (BigQueryException e) {
            throw failure("running " + firstWords(sql), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted while BigQuery ran " + firstWords(sql), e);
        }
    }

    private static void stream(TableResult result, RowHandler handler) {
        Schema s = result.getSchema();
        if (s == null) {
            return;
        }
        FieldList fields = s.getFields();
        Map<String, Integer> index = BigQueryRow.indexOf(fields);
        BigQueryRow row = new BigQueryRow(fields, index);
        try {
            for (FieldValueList values : result.iterateAll()) {
                handler.accept(row.at(values));
            }
        } catch (BigQueryException e) {
            throw failure("reading results", e);
        } catch (WarehouseException e) {
            throw e;
        } catch (Exception e) {
            throw new WarehouseException("row handler failed: " + e.getMessage(), e);
        }
    }

    /** The exception for a BigQuery error, naming the reason (invalidQuery, quotaExceeded, ...) and the HTTP code. */
    static WarehouseException failure(String what, BigQueryException e) {
        return new BigQueryWarehouseException("BigQuery failed " + what + ": " + message(e), e);
    }

    private static String message(BigQueryException e) {
        BigQueryError err = e.getError();
        String reason = err == null || err.getReason() == null ? "" : " [" + err.getReason() + "]";
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + reason + ": " : reason.isEmpty() ? "" : reason.trim() + ": ")
                + (err != null && err.getMessage() != null ? err.getMessage() : e.getMessage());
    }

    private static String firstWords(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** The state of one {@link #transaction}: its session and whether {@code BEGIN TRANSACTION} has run. */
    private final class Session {
        String id;
        boolean open;
        boolean beginning;

        void beforeStatement(String sql) {
            if (beginning) {
                return;
            }
            if (!open && DML.matcher(sql).find()) {
                beginning = true;
                try {
                    run("BEGIN TRANSACTION", List.of());
                } finally {
                    beginning = false;
                }
                open = true;
            } else if (open && PERMANENT_DDL.matcher(sql).find()) {
                throw new WarehouseException("BigQuery allows no DDL on permanent tables inside a transaction, and "
                        + "this transaction has already changed data; run '" + firstWords(sql) + "' before the "
                        + "first INSERT/UPDATE/DELETE/MERGE of the transaction");
            }
        }
    }
}
