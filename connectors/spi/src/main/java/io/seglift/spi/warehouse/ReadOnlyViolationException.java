package io.seglift.spi.warehouse;

/** The engine refused a statement run by {@link Warehouse#queryReadOnly}: it would write, change settings or touch files. */
public class ReadOnlyViolationException extends WarehouseException {
    public ReadOnlyViolationException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReadOnlyViolationException(String message) {
        super(message);
    }
}
