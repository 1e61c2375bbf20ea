package io.seglift.sync.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs destination calls under the declared rate limits and resilience4j: one {@link SlidingWindowLimiter} per declared
 * rate limit (at most {@code requests × headroom} requests in any rolling period, as vendors enforce them), pacing each
 * HTTP request (through {@link #pacedClient}) by every limiter whose scope matches it, or whole calls by the limits on
 * all requests; retries with exponential backoff and jitter that honour the server's requested wait ({@link
 * RetriableDestinationException#retryAfter()}, through an {@link IntervalBiFunction}), and a {@link CircuitBreaker}
 * that stops the run when the destination looks down. Rate-limit answers (code 429) are retried but do not count as
 * failures for the breaker: a busy destination is not a broken one.
 *
 * <p>Waiting goes through the injected {@link Sleeper} and time comes from an injected monotonic ticker: a request
 * reserves its admission time under one lock (so concurrent calls never overrun a window) and sleeps until then
 * outside it; the retry interval is computed by resilience4j but slept here, because
 * resilience4j's own retry loop sleeps with a static, process-wide function. A wait longer than {@link
 * ResilienceSettings#maxServerWait()}, asked by the server or needed by a limiter, throws {@link WaitTooLongException}.
 */
public final class GuardedCaller {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedCaller.class);

    private final List<SlidingWindowLimiter> limiters = new ArrayList<>();
    /** Paces whole calls and the requests no limiter covers; null when none was given. */
    private final SlidingWindowLimiter otherRequests;
    private final LongSupplier ticker;
    private final Duration maxWait;
    private final CircuitBreaker breaker;
    private final IntervalBiFunction<Object> interval;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final boolean paceCalls;

    /**
     * @param limits    the effective limits, one limiter each
     * @param paceCalls true to pace {@link #call}s themselves (destinations that do not use {@link #pacedClient});
     *                  false when the destination's HTTP client is paced per request
     */
    public GuardedCaller(String name, List<RateLimit> limits, ResilienceSettings s, Sleeper sleeper, boolean paceCalls) {
        this(name, limits, Optional.empty(), s, sleeper, paceCalls, System::nanoTime);
    }

    /**
     * As {@link #GuardedCaller(String, List, ResilienceSettings, Sleeper, boolean)} with the time pacing reads from
     * {@code ticker} (monotonic nanoseconds, {@link System#nanoTime()} in production; tests pass a fake clock).
     */
    public GuardedCaller(String name, List<RateLimit> limits, ResilienceSettings s, Sleeper sleeper, boolean paceCalls,
                         LongSupplier ticker) {
        this(name, limits, Optional.empty(), s, sleeper, paceCalls, ticker);
    }

    /**
     * As above, plus {@code otherRequests}: a limit on whole calls and on the requests no limit in {@code limits}
     * covers. The engine's default (10 per second) is one, for destinations that declare no limit on all requests: a
     * destination that declares each endpoint's own limit (Klaviyo) is paced by those alone, while a request it never
     * declared still waits for the default.
     */
    public GuardedCaller(String name, List<RateLimit> limits, Optional<RateLimit> otherRequests, ResilienceSettings s,
                         Sleeper sleeper, boolean paceCalls, LongSupplier ticker) {
        this.otherRequests = otherRequests.map(l -> new SlidingWindowLimiter(l, s.headroom())).orElse(null);
        this.sleeper = sleeper;
        this.ticker = ticker;
        this.paceCalls = paceCalls;
        this.maxAttempts = s.maxAttempts();
        this.maxWait = s.maxServerWait();
        for (RateLimit limit : limits) {
            limiters.add(new SlidingWindowLimiter(limit, s.headroom()));
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

    /**
     * Requests per second the pacing of all requests sustains over a long backlog (the slowest limit on all requests);
     * a short backlog may go faster, up to each window's budget.
     */
    public double pacedPerSecond() {
        return java.util.stream.Stream.concat(limiters.stream().filter(l -> l.limit().appliesToAll()),
                        java.util.stream.Stream.ofNullable(otherRequests))
                .mapToDouble(SlidingWindowLimiter::sustainedPerSecond).min().orElse(Double.POSITIVE_INFINITY);
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
     * Admits a request under every limiter that applies ({@code method == null}: a whole call, paced by the limits on
     * all requests), or under the limit on other requests when none does: reserves the earliest time all of them allow
     * and sleeps until then.
     */
    void pace(String method, String path) {
        long wait;
        synchronized (limiters) {
            long now = ticker.getAsLong();
            long giveUpAfter = now + maxWait.toNanos();
            List<SlidingWindowLimiter> applying = new ArrayList<>();
            for (SlidingWindowLimiter l : limiters) {
                boolean applies = method == null ? l.limit().appliesToAll() : l.limit().appliesTo().matches(method, path);
                if (applies) applying.add(l);
            }
            if (otherRequests != null && (method == null || applying.isEmpty())) applying.add(otherRequests);
            long at = now;
            SlidingWindowLimiter slowest = null;
            boolean moved = true;
            while (moved && at <= giveUpAfter) {
                moved = false;
                for (SlidingWindowLimiter l : applying) {
                    long earliest = l.earliest(at, giveUpAfter);
                    if (earliest > at) {
                        at = earliest;
                        slowest = l;
                        moved = true;
                    }
                }
            }
            wait = at - now;
            if (wait > maxWait.toNanos()) {
                RateLimit r = slowest.limit();
                throw new WaitTooLongException("rate limit " + r.scope() + " (" + r.requests() + " per " + r.period()
                        + ") is used up for longer than the most Seglift waits (" + WaitTooLongException.human(maxWait)
                        + "); rerun later", Duration.ofNanos(wait), null);
            }
            for (SlidingWindowLimiter l : applying) l.admit(at, now);
        }
        if (wait > 0) sleep(Duration.ofNanos(wait));
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
