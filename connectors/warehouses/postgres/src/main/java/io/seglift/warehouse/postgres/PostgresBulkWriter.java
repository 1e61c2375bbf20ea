package io.seglift.warehouse.postgres;

import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;

import java.sql.SQLException;

/**
 * Appends rows through {@code COPY ... FROM STDIN}. The COPY is one statement: until {@link #close()} completes it, no
 * row is visible, and a COPY that fails stores nothing. While it is open, the warehouse's connection is busy with it.
 */
final class PostgresBulkWriter implements BulkWriter {
    private final CsvCopyWriter out;
    private final TableName table;
    private final int width;
    private final Runnable onClose;
    private long count;
    private boolean closed;

    PostgresBulkWriter(CsvCopyWriter out, TableName table, int width, Runnable onClose) {
        this.out = out;
        this.table = table;
        this.width = width;
        this.onClose = onClose;
    }

    @Override
    public void row(Object... values) {
        if (closed) throw new IllegalStateException("bulk writer for " + table + " is closed");
        if (values.length != width) {
            throw new WarehouseException("row " + (count + 1) + " for " + table + " has " + values.length
                    + " values; the writer was opened with " + width + " columns");
        }
        try {
            out.row(values);
            count++;
        } catch (SQLException e) {
            fail();
            throw new WarehouseException("writing row " + (count + 1) + " to " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (closed) return;
        try {
            out.finish();
        } catch (SQLException e) {
            fail();
            throw new WarehouseException("COPY into " + table + " failed, nothing was stored: " + e.getMessage(), e);
        }
        closed = true;
        onClose.run();
    }

    private void fail() {
        out.cancel();
        closed = true;
        onClose.run();
    }
}
