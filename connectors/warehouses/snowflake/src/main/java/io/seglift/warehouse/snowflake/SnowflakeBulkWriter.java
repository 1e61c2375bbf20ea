package io.seglift.warehouse.snowflake;

import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Appends rows by JDBC array binding: one {@code INSERT ... VALUES (?, ...)} prepared once, rows added to a batch and
 * sent with {@code executeBatch} whenever the batch reaches {@link #MAX_ROWS} rows or about {@link #MAX_BYTES} of
 * values. Snowflake counts a whole batch against its 1 MB statement limit
 * (https://docs.snowflake.com/en/user-guide/query-size-limits), so the byte bound keeps every batch well under it.
 * Rows sent in earlier chunks stay written if a later chunk fails.
 */
final class SnowflakeBulkWriter implements BulkWriter {
    static final int MAX_ROWS = 16_384;
    static final int MAX_BYTES = 512 * 1024;

    private final PreparedStatement insert;
    private final TableName table;
    private final int width;
    private final Binder binder;
    private long count;
    private int pendingRows;
    private long pendingBytes;
    private boolean closed;

    /** Binds one row's values onto the statement. */
    interface Binder {
        void bind(PreparedStatement ps, Object[] values) throws SQLException;
    }

    SnowflakeBulkWriter(PreparedStatement insert, TableName table, int width, Binder binder) {
        this.insert = insert;
        this.table = table;
        this.width = width;
        this.binder = binder;
    }

    @Override
    public void row(Object... values) {
        if (closed) throw new IllegalStateException("bulk writer for " + table + " is closed");
        if (values.length != width) {
            throw new WarehouseException("row " + (count + pendingRows + 1) + " for " + table + " has "
                    + values.length + " values; the writer was opened with " + width + " columns");
        }
        try {
            binder.bind(insert, values);
            insert.addBatch();
        } catch (SQLException e) {
            abandon();
            throw new WarehouseException("binding row " + (count + pendingRows + 1) + " for " + table + ": "
                    + e.getMessage(), e);
        }
        pendingRows++;
        pendingBytes += estimate(values);
        if (pendingRows >= MAX_ROWS || pendingBytes >= MAX_BYTES) flush();
    }

    private void flush() {
        if (pendingRows == 0) return;
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            abandon();
            throw new WarehouseException("writing rows " + (count + 1) + "-" + (count + pendingRows) + " to " + table
                    + " failed (" + count + " earlier rows were written): " + e.getMessage(), e);
        }
        count += pendingRows;
        pendingRows = 0;
        pendingBytes = 0;
    }

    @Override
    public long count() {
        return count + pendingRows;
    }

    @Override
    public void close() {
        if (closed) return;
        flush();
        closed = true;
        closeStatement(e -> {
            throw new WarehouseException("closing the insert into " + table + ": " + e.getMessage(), e);
        });
    }

    private void abandon() {
        closed = true;
        closeStatement(e -> { });
    }

    private void closeStatement(Consumer<SQLException> onFailure) {
        try {
            insert.close();
        } catch (SQLException e) {
            onFailure.accept(e);
        }
    }

    /** Bytes the values take in the request, roughly: text by its UTF-8 length, anything else as 16. */
    static long estimate(Object[] values) {
        long n = 0;
        for (Object v : values) {
            n += v instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length + 8 : 16;
        }
        return n;
    }
}
