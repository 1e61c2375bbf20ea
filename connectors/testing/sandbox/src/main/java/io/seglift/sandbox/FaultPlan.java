package io.seglift.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Probabilities of each injected {@link Fault}, per request, drawn from a seeded random source so runs are repeatable.
 * The probabilities are independent shares of all requests and must sum to at most 1.
 *
 * @param rateLimited     share answered 429 with {@code Retry-After: retryAfter}
 * @param retryAfter      the wait announced with injected 429s
 * @param serverError     share answered 503
 * @param connectionReset share whose connection is reset
 * @param delayed         share answered after {@code delay}, with the work done
 * @param delay           how late delayed answers come
 * @param partial         share where the API fails some rows for now ({@link #partialRowShare} of them; APIs without a
 *                        per-row transient answer ignore it)
 * @param partialRowShare share of rows failed in a partial answer
 * @param seed            random seed
 */
public record FaultPlan(double rateLimited, Duration retryAfter, double serverError, double connectionReset,
                        double delayed, Duration delay, double partial, double partialRowShare, long seed) {

    public FaultPlan {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(delay, "delay");
        double sum = 0;
        for (double p : new double[]{rateLimited, serverError, connectionReset, delayed, partial}) {
            if (p < 0 || p > 1) throw new IllegalArgumentException("fault probabilities must be within 0..1, got " + p);
            sum += p;
        }
        if (sum > 1.0 + 1e-9) throw new IllegalArgumentException("fault probabilities sum to " + sum + " (at most 1)");
        if (partialRowShare < 0 || partialRowShare > 1) {
            throw new IllegalArgumentException("partialRowShare must be within 0..1, got " + partialRowShare);
        }
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(0, Duration.ofSeconds(1), 0, 0, 0, Duration.ZERO, 0, 0, 1L);
    }

    public FaultPlan withRateLimited(double p, Duration wait) {
        return new FaultPlan(p, wait, serverError, connectionReset, delayed, delay, partial, partialRowShare, seed);
    }

    public FaultPlan withServerError(double p) {
        return new FaultPlan(rateLimited, retryAfter, p, connectionReset, delayed, delay, partial, partialRowShare, seed);
    }

    public FaultPlan withConnectionReset(double p) {
        return new FaultPlan(rateLimited, retryAfter, serverError, p, delayed, delay, partial, partialRowShare, seed);
    }

    public FaultPlan withDelay(double p, Duration howLate) {
        return new FaultPlan(rateLimited, retryAfter, serverError, connectionReset, p, howLate, partial, partialRowShare, seed);
    }

    public FaultPlan withPartial(double p, double rowShare) {
        return new FaultPlan(rateLimited, retryAfter, serverError, connectionReset, delayed, delay, p, rowShare, seed);
    }

    public FaultPlan withSeed(long newSeed) {
        return new FaultPlan(rateLimited, retryAfter, serverError, connectionReset, delayed, delay, partial, partialRowShare, newSeed);
    }
}
