package io.seglift.spi.destination;

/**
 * A failure that retrying will not fix (bad credentials, missing scope, audience deleted). Stops the run; the message
 * tells the user what to do and never contains secrets or personal data.
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
}
