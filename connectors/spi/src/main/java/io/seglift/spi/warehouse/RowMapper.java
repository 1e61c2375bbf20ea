package io.seglift.spi.warehouse;

/** Maps the current row to a value; used for small results only (aggregates, run summaries, samples). */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws Exception;
}
