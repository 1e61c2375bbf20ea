package io.seglift.cli.sql;

import java.util.List;

/** Receives a streamed query result: the column names once, then each row, then the end. */
public interface ResultWriter {
    void columns(List<String> names);

    void row(Object[] values);

    /** The result ended; {@code truncated} when rows beyond the limit were not shown. */
    void finish(boolean truncated);
}
