package io.seglift.spi.destination;

import java.time.Duration;
import java.util.Optional;

/**
 * The whole call failed but may succeed later: 429, 5xx, timeout, connection reset. Carries the wait the server asked
 * for (Retry-After, HubSpot's rate-limit headers, Facebook's {@code estimated_time_to_regain_access}), which the
 * engine's retry honours over its own backoff, up to its configured maximum wait.
 */
public class RetriableDestinationException extends DestinationException {
    private final Duration retryAfter;

    public RetriableDestinationException(String code, String message, Duration retryAfter, Throwable cause) {
        super(code, message, cause);
        this.retryAfter = retryAfter;
    }

    public RetriableDestinationException(String code, String message, Duration retryAfter) {
        this(code, message, retryAfter, null);
    }

    /** The wait the server asked for, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
