package io.seglift.spi.warehouse;

/** An identifier from the project file is not a plain SQL name and will not be put into SQL. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
