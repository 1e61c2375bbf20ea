package io.seglift.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * At most {@code requests} accepted requests in any rolling {@code window}, as HubSpot enforces per private app (100
 * per 10 seconds). Thread-safe. Time comes from the caller so tests control it.
 */
public final class RollingWindowLimit {
    private final int requests;
    private final Duration window;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();

    public RollingWindowLimit(int requests, Duration window) {
        if (requests <= 0 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit must be positive: " + requests + " per " + window);
        }
        this.requests = requests;
        this.window = window;
    }

    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    /**
     * Takes a slot at {@code nowMillis}: empty when the request is within the limit, otherwise how long until the
     * oldest request in the window leaves it.
     */
    public synchronized Optional<Duration> tryAcquire(long nowMillis) {
        long windowMillis = window.toMillis();
        while (!accepted.isEmpty() && accepted.peekFirst() <= nowMillis - windowMillis) {
            accepted.pollFirst();
        }
        if (accepted.size() < requests) {
            accepted.addLast(nowMillis);
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(1, accepted.peekFirst() + windowMillis - nowMillis)));
    }

    /** Slots left in the window ending at {@code nowMillis}. */
    public synchronized int remaining(long nowMillis) {
        long windowMillis = window.toMillis();
        long inWindow = accepted.stream().filter(t -> t > nowMillis - windowMillis).count();
        return (int) Math.max(0, requests - inWindow);
    }
}
