package io.seglift.spi.warehouse;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A connection to the customer's warehouse. Set work happens here, as SQL built through {@link #dialect()}; rows
 * cross into the JVM only through {@link #query streaming reads} and {@link #bulkWriter bulk writes}.
 *
 * <p>Implementations are not required to be thread-safe; callers that work concurrently open one warehouse per
 * thread or serialize access.
 */
public interface Warehouse extends AutoCloseable {

    /** The SQL dialect of this engine. */
    Dialect dialect();

    /**
     * Whether the engine runs inside this JVM's process (an embedded DuckDB), so reading rows into the JVM moves no
     * data off the machine. Remote warehouses keep the default, {@code false}.
     */
    default boolean inProcess() {
        return false;
    }

    /** The schema where Seglift keeps its own tables (default {@code seglift}). */
    String schema();

    /** A table in Seglift's own schema. */
    default TableName own(String table) {
        return TableName.of(schema(), table);
    }

    /**
     * Creates a table for the intermediate rows of one operation on this warehouse (for example scores on their way
     * to a join), which the caller drops when done. The default is a table in Seglift's schema; an embedded engine
     * may make it a temporary table of its connection, which it writes without logging (DuckDB's appender fills a
     * temporary table several times faster than a persisted one).
     *
     * @param name    a name unique to the operation (an identifier)
     * @param columns the column definitions, in this warehouse's dialect
     * @return the table's name, to use in SQL and with {@link #bulkWriter} on this warehouse
     */
    default TableName createScratchTable(String name, String columns) {
        TableName table = own(name);
        execute("CREATE TABLE " + dialect().table(table) + " (" + columns + ")");
        return table;
    }

    /** Runs a statement that returns no rows (DDL or DML) and returns the update count, or 0. */
    long execute(String sql, Object... params);

    /**
     * Streams the rows of a query to {@code handler}, one at a time, with a bounded fetch size: results of any size are
     * never held in memory. Parameters bind to {@code ?} placeholders.
     */
    void query(String sql, List<?> params, RowHandler handler);

    /**
     * Streams the rows of one statement written by a user ({@code seglift sql}) under the engine's own guard: the
     * engine refuses more than one statement, any change to data or schema, any change to the session's settings and
     * any file-system access; nothing the statement does persists. Throws {@link ReadOnlyViolationException} with the
     * engine's reason when it refuses.
     */
    void queryReadOnly(String sql, RowHandler handler);

    /** Collects a small result (aggregates, summaries, samples). Never use it for per-customer rows. */
    <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper);

    /** The first row mapped, if any. */
    default <T> Optional<T> queryOne(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> all = queryList(sql, params, mapper);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    /** A single number from a query such as {@code SELECT count(*) ...}; 0 when NULL. */
    default long queryLong(String sql, Object... params) {
        return queryOne(sql, java.util.Arrays.asList(params), r -> r.get(0) == null ? 0L : ((Number) r.get(0)).longValue()).orElse(0L);
    }

    /** Opens a bulk writer appending to {@code table} with the given columns in order. */
    BulkWriter bulkWriter(TableName table, List<String> columns);

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Nested calls join. */
    <T> T transaction(Function<Warehouse, T> work);

    /** Runs {@code work} in one transaction. */
    default void inTransaction(java.util.function.Consumer<Warehouse> work) {
        transaction(w -> {
            work.accept(w);
            return null;
        });
    }

    boolean tableExists(TableName table);

    /** Columns of a table in their declared order; empty when the table does not exist. */
    List<Column> columns(TableName table);

    /**
     * Checks that {@code sql} (a SELECT) compiles against the current tables without running it, returning the
     * engine's message when it does not. Used to check segment rules and user SQL features before use.
     */
    Optional<String> checkQuery(String sql);

    /**
     * Loads a CSV or Parquet file into {@code table}, replacing it, with column types inferred from the file.
     * Returns the number of rows loaded.
     */
    long loadFile(java.nio.file.Path file, TableName table, io.seglift.spi.progress.Progress progress);

    @Override
    void close();
}
