package io.seglift.spi.destination;

import java.time.Duration;
import java.util.Optional;

/**
 * The whole call failed but may succeed later: 429, 5xx, timeout, connection reset. Carries the wait the server asked
 * for (Retry-After, HubSpot's rate-limit headers, Facebook's {@code estimated_time_to_regain_access}), which the
 * engine's retry honours over its own backoff.
 */
public class RetriableDestinationException extends RuntimeException {
    private final String code;
    private final Duration retryAfter;

    public RetriableDestinationException(String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public RetriableDestinationException(String code, String message, Duration retryAfter) {
        this(code, message, retryAfter, null);
    }

    /** Short machine code, e.g. {@code 429}, {@code 503}, {@code TIMEOUT}. */
    public String code() {
        return code;
    }

    /** The wait the server asked for, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
