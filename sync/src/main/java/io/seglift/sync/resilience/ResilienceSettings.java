package io.seglift.sync.resilience;

import java.time.Duration;

/**
 * Tuning of the guard around destination calls.
 *
 * @param maxAttempts        attempts per call, including the first
 * @param initialBackoff     first backoff when the server names no wait
 * @param maxBackoff         longest backoff
 * @param jitter             randomization factor of the exponential backoff (0..1)
 * @param headroom           share of the documented rate limit the engine paces at (default 0.97), so latency jitter
 *                           does not push a rolling window over the limit
 * @param breakerWindow      calls in the circuit breaker's sliding window
 * @param breakerFailureRate failure percentage over the window that opens the breaker and stops the run
 * @param maxServerWait      longest wait the engine honours, whether the server asked for it (Retry-After, Meta's
 *                           regain-access time, HubSpot's daily limit) or a rate limit needs it; past it the run stops
 *                           (FAILED, state committed, lock released) with a message naming the wait
 */
public record ResilienceSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
                                 double headroom, int breakerWindow, float breakerFailureRate, Duration maxServerWait) {

    public ResilienceSettings {
        if (maxServerWait.isNegative()) throw new IllegalArgumentException("maxServerWait must not be negative");
    }

    /** The defaults: 10 attempts, 100 ms to 30 s backoff, 97% of the limit, waits of up to 15 minutes. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(10, Duration.ofMillis(100), Duration.ofSeconds(30), 0.5, 0.97, 20, 50f,
                Duration.ofMinutes(15));
    }

    public ResilienceSettings withMaxServerWait(Duration wait) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, jitter, headroom, breakerWindow,
                breakerFailureRate, wait);
    }
}
