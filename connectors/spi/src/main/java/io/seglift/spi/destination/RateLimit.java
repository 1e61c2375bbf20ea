package io.seglift.spi.destination;

import java.time.Duration;
import java.util.Objects;

/**
 * A documented request limit: {@code requests} calls per {@code period} for the requests {@code appliesTo} matches,
 * named {@code scope} (e.g. {@code "default"}, {@code "daily"} or a Klaviyo endpoint tier). The engine holds one
 * limiter per declared limit and a request waits for every limiter whose scope matches it. The project file's
 * {@code rate_limit} replaces the limit that applies to all requests (the default scope).
 */
public record RateLimit(String scope, int requests, Duration period, RequestScope appliesTo) {
    public RateLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(appliesTo, "appliesTo");
        if (requests <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit must be positive: " + requests + " per " + period);
        }
    }

    /** A limit on every request. */
    public RateLimit(String scope, int requests, Duration period) {
        this(scope, requests, period, RequestScope.ALL);
    }

    public double perSecond() {
        return requests * 1000.0 / period.toMillis();
    }

    /** Whether this limit counts every request (the default scope). */
    public boolean appliesToAll() {
        return appliesTo.all();
    }
}
