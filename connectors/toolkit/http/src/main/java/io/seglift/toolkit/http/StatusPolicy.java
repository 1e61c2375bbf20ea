package io.seglift.toolkit.http;

import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RetriableDestinationException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one mapping from an HTTP status to an outcome every destination shares: 2xx succeeds; 429 and 5xx are retriable
 * with the server's {@code Retry-After}; 401 and 403 are fatal with the connector's message saying which credential or
 * permission to fix; any other 4xx is the connector's to decide (rejected rows, "not found", or fatal).
 *
 * @param vendor       the name in messages, e.g. {@code Klaviyo}
 * @param unauthorized what to do on 401 (e.g. "create a private API key ... and set api_key to it")
 * @param forbidden    what to do on 403 (e.g. "give the key the scopes lists:write and profiles:write")
 */
public record StatusPolicy(String vendor, String unauthorized, String forbidden) {

    /** What a status means. */
    public enum Outcome {
        SUCCESS, RETRIABLE, UNAUTHORIZED, FORBIDDEN, OTHER_CLIENT_ERROR;

        public boolean failed() {
            return this != SUCCESS;
        }
    }

    public StatusPolicy {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(unauthorized, "unauthorized");
        Objects.requireNonNull(forbidden, "forbidden");
    }

    /** The outcome of {@code status}; informational and redirect answers count as other client errors. */
    public static Outcome outcome(int status) {
        if (status >= 200 && status < 300) return Outcome.SUCCESS;
        if (status == 429 || status >= 500) return Outcome.RETRIABLE;
        if (status == 401) return Outcome.UNAUTHORIZED;
        if (status == 403) return Outcome.FORBIDDEN;
        return Outcome.OTHER_CLIENT_ERROR;
    }

    /**
     * The exception for a failed answer whose outcome the policy decides (retriable, 401, 403); empty for success and
     * for other 4xx, which the connector handles. {@code what} names the call, e.g. {@code POST /api/lists}.
     */
    public Optional<DestinationException> failure(HttpResponse<?> response, String what) {
        return failure(response.statusCode(), what, RetryAfter.of(response).orElse(null));
    }

    /** {@link #failure(HttpResponse, String)} with the wait read by the caller (e.g. from vendor headers). */
    public Optional<DestinationException> failure(int status, String what, Duration wait) {
        return switch (outcome(status)) {
            case RETRIABLE -> Optional.of(retriable(status, what, wait));
            case UNAUTHORIZED -> Optional.of(new DestinationException("AUTH", vendor + " refused the credentials (401) on "
                    + what + ": " + unauthorized));
            case FORBIDDEN -> Optional.of(new DestinationException("FORBIDDEN", vendor + " denied " + what + " (403): "
                    + forbidden));
            case SUCCESS, OTHER_CLIENT_ERROR -> Optional.empty();
        };
    }

    /** A retriable failure of {@code status} carrying {@code wait} (may be null). */
    public RetriableDestinationException retriable(int status, String what, Duration wait) {
        String reason = status == 429 ? "rate limit" : "server error";
        return new RetriableDestinationException(Integer.toString(status), vendor + " answered " + status + " (" + reason
                + ") to " + what + (wait == null ? "" : "; it asked to wait " + wait.toSeconds() + "s"), wait);
    }

    /** A fatal failure for another 4xx, naming the status and a detail free of personal data. */
    public DestinationException fatal(int status, String what, String detail) {
        return new DestinationException(Integer.toString(status), vendor + " refused " + what + " (" + status + ")"
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }
}
