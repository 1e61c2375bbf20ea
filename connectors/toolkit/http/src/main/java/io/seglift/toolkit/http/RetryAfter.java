package io.seglift.toolkit.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads HTTP's {@code Retry-After} header in its delay-seconds form, the form the supported vendors send. The
 * HTTP-date form, a negative or an unreadable value read as absent: the caller then falls back to the vendor's own
 * rate-limit headers or the engine's backoff.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait {@code value} (a header value) asks for. */
    public static Optional<Duration> parse(String value) {
        if (value == null) return Optional.empty();
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The wait the response's first {@code Retry-After} header asks for. */
    public static Optional<Duration> of(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse);
    }
}
