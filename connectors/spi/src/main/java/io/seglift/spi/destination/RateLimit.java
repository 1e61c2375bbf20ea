package io.seglift.spi.destination;

import java.time.Duration;

/**
 * A documented request limit: {@code requests} calls per {@code period}, for the calls in {@code scope} (e.g.
 * {@code "default"}, {@code "lists"} or a Klaviyo endpoint tier). The engine's limiter starts from these; the project
 * file may lower or raise them.
 */
public record RateLimit(String scope, int requests, Duration period) {
    public RateLimit {
        if (requests <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit must be positive: " + requests + " per " + period);
        }
    }

    public double perSecond() {
        return requests * 1000.0 / period.toMillis();
    }
}
