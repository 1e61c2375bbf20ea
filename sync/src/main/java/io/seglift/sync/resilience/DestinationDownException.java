package io.seglift.sync.resilience;

/** The circuit breaker opened, or a call kept failing after every retry: the run stops. */
public final class DestinationDownException extends RuntimeException {
    public DestinationDownException(String message, Throwable cause) {
        super(message, cause);
    }
}
