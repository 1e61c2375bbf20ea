package io.seglift.sync.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.time.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs destination calls through resilience4j: one {@link RateLimiter} per declared rate limit, pacing each HTTP
 * request (through {@link #pacedClient}) by every limiter whose scope matches it, or whole calls by the limits on all
 * requests; retries
 * with exponential backoff and jitter that honour the server's requested wait ({@link
 * RetriableDestinationException#retryAfter()}, through an {@link IntervalBiFunction}), and a {@link CircuitBreaker}
 * that stops the run when the destination looks down. Rate-limit answers (code 429) are retried but do not count as
 * failures for the breaker: a busy destination is not a broken one.
 *
 * <p>Waiting goes through the injected {@link Sleeper}: the limiter only reserves permissions
 * ({@link RateLimiter#reservePermission()}) and the retry interval is computed by resilience4j but slept here, because
 * resilience4j's own retry loop sleeps with a static, process-wide function. A wait longer than {@link
 * ResilienceSettings#maxServerWait()}, asked by the server or needed by a limiter, throws {@link WaitTooLongException}.
 */
public final class GuardedCaller {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedCaller.class);

    private record ScopedLimiter(RateLimit limit, RateLimiter limiter) {
    }

    private final List<ScopedLimiter> limiters = new ArrayList<>();
    private final Duration maxWait;
    private final CircuitBreaker breaker;
    private final IntervalBiFunction<Object> interval;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final boolean paceCalls;

    /**
     * @param limits    the effective limits, one limiter each; at least one applies to all requests
     * @param paceCalls true to pace {@link #call}s themselves (destinations that do not use {@link #pacedClient});
     *                  false when the destination's HTTP client is paced per request
     */
    public GuardedCaller(String name, List<RateLimit> limits, ResilienceSettings s, Sleeper sleeper, boolean paceCalls) {
        this.sleeper = sleeper;
        this.paceCalls = paceCalls;
        this.maxAttempts = s.maxAttempts();
        this.maxWait = s.maxServerWait();
        for (RateLimit limit : limits) {
            limiters.add(new ScopedLimiter(limit, limiter(name + ":" + limit.scope(), limit, s.headroom(), maxWait)));
        }
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindow(s.breakerWindow(), Math.max(1, s.breakerWindow() / 2), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(s.breakerFailureRate())
                .waitDurationInOpenState(Duration.ofMinutes(5))
                .recordException(e -> e instanceof RetriableDestinationException r && !"429".equals(r.code()))
                .ignoreException(e -> e instanceof DestinationException d && !d.retriable())
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

    /**
     * A limiter for {@code limit}: limits of up to a minute are smoothed into permits every ~100 ms; longer ones (a
     * daily quota) are a budget for their period, so they do not space requests minutes apart.
     */
    private static RateLimiter limiter(String name, RateLimit limit, double headroom, Duration maxWait) {
        RateLimiterConfig.Builder c = RateLimiterConfig.custom().timeoutDuration(maxWait);
        if (limit.period().compareTo(Duration.ofMinutes(1)) > 0) {
            c.limitForPeriod((int) Math.max(1, Math.floor(limit.requests() * headroom))).limitRefreshPeriod(limit.period());
        } else {
            double perSecond = limit.perSecond() * headroom;
            int permits = (int) Math.max(1, Math.ceil(perSecond / 10.0));
            long cycleNanos = (long) (permits * 1e9 / perSecond);
            c.limitForPeriod(permits).limitRefreshPeriod(Duration.ofNanos(Math.max(1_000_000, cycleNanos)));
        }
        return RateLimiter.of(name, c.build());
    }

    /** {@code delegate} with every request paced by the limiters whose scope matches it. */
    public java.net.http.HttpClient pacedClient(java.net.http.HttpClient delegate) {
        return new PacedHttpClient(delegate, r -> pace(r.method(), r.uri().getRawPath()));
    }

    /** Calls made (attempts, including retries). */
    public long calls() {
        return calls.get();
    }

    /** Attempts that were retries. */
    public long retries() {
        return retries.get();
    }

    /** Limiter permissions per second the pacing of all requests allows (the slowest limit on all requests). */
    public double pacedPerSecond() {
        return limiters.stream().filter(l -> l.limit().appliesToAll()).mapToDouble(l -> {
            RateLimiterConfig c = l.limiter().getRateLimiterConfig();
            return c.getLimitForPeriod() * 1e9 / c.getLimitRefreshPeriod().toNanos();
        }).min().orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * Runs {@code call} with pacing, retries and the breaker. Throws {@link DestinationDownException} when the breaker
     * is open or every attempt failed; {@link io.seglift.spi.destination.DestinationException} passes through.
     */
    public <T> T call(String what, Supplier<T> call) {
        RetriableDestinationException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (paceCalls) pace(null, null);
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
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                if (asked.compareTo(maxWait) > 0) {
                    LOG.warn("{}: the destination asked to wait {} (code {}), more than the maximum {}; stopping",
                            what, asked, e.code(), maxWait);
                    throw new WaitTooLongException(what + ": the destination asked to wait " + WaitTooLongException.human(asked)
                            + " (" + e.getMessage() + "); the most Seglift waits is " + WaitTooLongException.human(maxWait)
                            + "; rerun later", asked, e);
                }
                if (attempt == maxAttempts) break;
                retries.incrementAndGet();
                LOG.debug("{}: attempt {} failed with code {}; retrying", what, attempt, e.code());
                sleep(Duration.ofMillis(interval.apply(attempt, Either.left(e))));
            } catch (DestinationException e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                throw e;
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                LOG.error("{}: unexpected failure of the destination call", what, e);
                throw e;
            }
        }
        throw new DestinationDownException(what + " failed " + maxAttempts + " times; last: " + last.getMessage(), last);
    }

    /**
     * Reserves a permission of every limiter that applies ({@code method == null}: a whole call, paced by the limits
     * on all requests) and sleeps for the longest reservation.
     */
    void pace(String method, String path) {
        long longest = 0;
        for (ScopedLimiter l : limiters) {
            boolean applies = method == null ? l.limit().appliesToAll() : l.limit().appliesTo().matches(method, path);
            if (!applies) continue;
            long nanos = l.limiter().reservePermission();
            if (nanos < 0) {
                RateLimit r = l.limit();
                throw new WaitTooLongException("rate limit " + r.scope() + " (" + r.requests() + " per " + r.period()
                        + ") is used up for longer than the most Seglift waits (" + WaitTooLongException.human(maxWait)
                        + "); rerun later", maxWait, null);
            }
            longest = Math.max(longest, nanos);
        }
        if (longest > 0) sleep(Duration.ofNanos(longest));
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
