package io.seglift.spi.warehouse;

/**
 * Appends rows to an existing table through the engine's fast path (DuckDB's appender, PostgreSQL's COPY). Rows are
 * buffered in bounded chunks, never the whole input. {@link #close()} flushes; a writer that fails leaves the table
 * as it was for engines with transactional bulk load.
 */
public interface BulkWriter extends AutoCloseable {

    /** Appends one row; values in the column order given when the writer was opened. {@code null} is SQL NULL. */
    void row(Object... values);

    /** Rows appended so far. */
    long count();

    @Override
    void close();
}
