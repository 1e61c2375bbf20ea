package io.seglift.cli.sql;

import io.seglift.spi.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a user's statement through {@link Warehouse#queryReadOnly}, where the engine itself refuses writes, session
 * changes and file access, and streams its rows to a {@link ResultWriter}, stopping after {@code limit} rows.
 */
public final class QueryStreamer {
    private final Warehouse warehouse;

    public QueryStreamer(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Streams at most {@code limit} rows (negative: all); returns the number of rows written. */
    public long stream(String statement, long limit, ResultWriter writer) {
        long[] written = {0};
        boolean[] truncated = {false};
        boolean[] started = {false};
        try {
            warehouse.queryReadOnly(statement, row -> {
                if (!started[0]) {
                    List<String> names = new ArrayList<>(row.columnCount());
                    for (int i = 0; i < row.columnCount(); i++) names.add(row.columnName(i));
                    writer.columns(names);
                    started[0] = true;
                }
                if (limit >= 0 && written[0] >= limit) {
                    truncated[0] = true;
                    throw new Stop();
                }
                Object[] values = new Object[row.columnCount()];
                for (int i = 0; i < values.length; i++) values[i] = row.get(i);
                writer.row(values);
                written[0]++;
            });
        } catch (Stop ignored) {
            // the limit was reached; the rest of the result is not read
        }
        if (!started[0]) writer.columns(List.of());
        writer.finish(truncated[0]);
        return written[0];
    }

    /** Unwinds the row loop. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
