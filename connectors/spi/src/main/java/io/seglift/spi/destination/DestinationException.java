package io.seglift.spi.destination;

/**
 * The base type of every connector failure. Thrown as is, it is fatal: retrying will not fix it (bad credentials,
 * missing scope, audience deleted) and it stops the run. Its subtype {@link RetriableDestinationException} is the
 * failure worth retrying; catch that first. The message tells the user what to do and never contains secrets or
 * personal data.
 */
public class DestinationException extends RuntimeException {
    private final String code;

    public DestinationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public DestinationException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Short machine code, e.g. {@code AUTH}, {@code 403}. */
    public String code() {
        return code;
    }

    /** Whether the engine may retry the call (true only for {@link RetriableDestinationException}). */
    public boolean retriable() {
        return false;
    }
}
