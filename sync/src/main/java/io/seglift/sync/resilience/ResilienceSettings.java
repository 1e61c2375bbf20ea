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
 */
public record ResilienceSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
                                 double headroom, int breakerWindow, float breakerFailureRate) {

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(10, Duration.ofMillis(100), Duration.ofSeconds(30), 0.5, 0.97, 20, 50f);
    }
}
