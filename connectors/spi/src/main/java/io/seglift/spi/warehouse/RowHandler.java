package io.seglift.spi.warehouse;

/** Receives streamed rows one at a time. */
@FunctionalInterface
public interface RowHandler {
    void accept(Row row) throws Exception;
}
