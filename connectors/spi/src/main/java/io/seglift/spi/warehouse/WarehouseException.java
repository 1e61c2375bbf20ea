package io.seglift.spi.warehouse;

/** A statement failed in the warehouse. The message names the statement's purpose; it never carries row values. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
