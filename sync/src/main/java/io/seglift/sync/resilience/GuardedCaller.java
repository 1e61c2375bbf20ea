package io.seglift.sync.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RetriableDestinationException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs destination calls through resilience4j: a {@link RateLimiter} pacing HTTP requests (through {@link
 * #pacedClient}) or whole calls at the destination's limit, retries
 * with exponential backoff and jitter that honour the server's requested wait ({@link
 * RetriableDestinationException#retryAfter()}, through an {@link IntervalBiFunction}), and a {@link CircuitBreaker}
 * that stops the run when the destination looks down. Rate-limit answers (code 429) are retried but do not count as
 * failures for the breaker: a busy destination is not a broken one.
 *
 * <p>Waiting goes through the injected {@link Sleeper}: the limiter only reserves permissions
 * ({@link RateLimiter#reservePermission()}) and the retry interval is computed by resilience4j but slept here, because
 * resilience4j's own retry loop sleeps with a static, process-wide function.
 */
public final class GuardedCaller {
    private final RateLimiter limiter;
    private final CircuitBreaker breaker;
    private final IntervalBiFunction<Object> interval;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final boolean paceCalls;

    /**
     * @param paceCalls true to pace {@link #call}s themselves (destinations that do not use {@link #pacedClient});
     *                  false when the destination's HTTP client is paced per request
     */
    public GuardedCaller(String name, RateLimit rateLimit, ResilienceSettings s, Sleeper sleeper, boolean paceCalls) {
        this.sleeper = sleeper;
        this.paceCalls = paceCalls;
        this.maxAttempts = s.maxAttempts();
        double perSecond = rateLimit.perSecond() * s.headroom();
        int permits = (int) Math.max(1, Math.ceil(perSecond / 10.0));
        long cycleNanos = (long) (permits * 1e9 / perSecond);
        this.limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1_000_000, cycleNanos)))
                .timeoutDuration(Duration.ofDays(1))
                .build());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindow(s.breakerWindow(), Math.max(1, s.breakerWindow() / 2), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(s.breakerFailureRate())
                .waitDurationInOpenState(Duration.ofMinutes(5))
                .recordException(e -> e instanceof RetriableDestinationException r && !"429".equals(r.code()))
                .ignoreExceptions(io.seglift.spi.destination.DestinationException.class)
                .build());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(s.initialBackoff(), 2.0, s.jitter(), s.maxBackoff());
        this.interval = (attempt, either) -> {
            Throwable t = either.isLeft() ? either.getLeft() : null;
            if (t instanceof RetriableDestinationException r && r.retryAfter().isPresent()) {
                return r.retryAfter().get().toMillis();
            }
            return backoff.apply(attempt);
        };
    }

    /** {@code delegate} with every request paced by this caller's rate limiter. */
    public java.net.http.HttpClient pacedClient(java.net.http.HttpClient delegate) {
        return new PacedHttpClient(delegate, this::pace);
    }

    /** Calls made (attempts, including retries). */
    public long calls() {
        return calls.get();
    }

    /** Attempts that were retries. */
    public long retries() {
        return retries.get();
    }

    /** Limiter permissions per second the pacing allows. */
    public double pacedPerSecond() {
        RateLimiterConfig c = limiter.getRateLimiterConfig();
        return c.getLimitForPeriod() * 1e9 / c.getLimitRefreshPeriod().toNanos();
    }

    /**
     * Runs {@code call} with pacing, retries and the breaker. Throws {@link DestinationDownException} when the breaker
     * is open or every attempt failed; {@link io.seglift.spi.destination.DestinationException} passes through.
     */
    public <T> T call(String what, Supplier<T> call) {
        RetriableDestinationException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (paceCalls) pace();
            if (!breaker.tryAcquirePermission()) {
                throw new DestinationDownException("the destination looks down: " + breaker.getMetrics().getNumberOfFailedCalls()
                        + " of the last " + breaker.getMetrics().getNumberOfBufferedCalls() + " calls failed"
                        + (last == null ? "" : " (last: " + last.getMessage() + ")") + "; the run stops, rerun later",
                        last == null ? CallNotPermittedException.createCallNotPermittedException(breaker) : last);
            }
            long start = System.nanoTime();
            calls.incrementAndGet();
            try {
                T result = call.get();
                breaker.onResult(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, result);
                return result;
            } catch (RetriableDestinationException e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                last = e;
                if (attempt == maxAttempts) break;
                retries.incrementAndGet();
                sleep(Duration.ofMillis(interval.apply(attempt, Either.left(e))));
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                throw e;
            }
        }
        throw new DestinationDownException(what + " failed " + maxAttempts + " times; last: " + last.getMessage(), last);
    }

    private void pace() {
        long nanos = limiter.reservePermission();
        if (nanos > 0) sleep(Duration.ofNanos(nanos));
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DestinationDownException("interrupted while waiting to call the destination", e);
        }
    }
}
