package io.seglift.sync;

import io.seglift.spi.progress.Progress;
import io.seglift.sync.resilience.ResilienceSettings;
import io.seglift.spi.time.Sleeper;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the engine runs: time and waiting (injected so tests never sleep), resilience tuning, progress, a stop signal
 * checked between batches (graceful shutdown), and the HTTP client and timeout handed to destinations.
 *
 * @param clock          timestamps of runs and results
 * @param sleeper        every wait (pacing, backoff)
 * @param resilience     retry, pacing and breaker tuning
 * @param progress       progress sink
 * @param stopRequested  polled between batches; true stops the run after the batch in flight
 * @param http           client shared by destinations
 * @param requestTimeout timeout of one destination request
 */
public record EngineOptions(Clock clock, Sleeper sleeper, ResilienceSettings resilience, Progress progress,
                            BooleanSupplier stopRequested, HttpClient http, Duration requestTimeout) {

    /** System clock, real sleeping, default tuning, no progress, never stopped, HTTP/1.1, 30 s timeout. */
    public static EngineOptions defaults() {
        return new EngineOptions(Clock.systemUTC(), Sleeper.SYSTEM, ResilienceSettings.defaults(), Progress.NONE, () -> false,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(30));
    }

    public EngineOptions withClock(Clock c) {
        return new EngineOptions(c, sleeper, resilience, progress, stopRequested, http, requestTimeout);
    }

    public EngineOptions withSleeper(Sleeper s) {
        return new EngineOptions(clock, s, resilience, progress, stopRequested, http, requestTimeout);
    }

    public EngineOptions withResilience(ResilienceSettings r) {
        return new EngineOptions(clock, sleeper, r, progress, stopRequested, http, requestTimeout);
    }

    public EngineOptions withProgress(Progress p) {
        return new EngineOptions(clock, sleeper, resilience, p, stopRequested, http, requestTimeout);
    }

    public EngineOptions withStopRequested(BooleanSupplier s) {
        return new EngineOptions(clock, sleeper, resilience, progress, s, http, requestTimeout);
    }

    public EngineOptions withRequestTimeout(Duration t) {
        return new EngineOptions(clock, sleeper, resilience, progress, stopRequested, http, t);
    }
}
