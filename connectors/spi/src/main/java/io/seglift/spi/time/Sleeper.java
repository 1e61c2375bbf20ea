package io.seglift.spi.time;

import java.time.Duration;

/**
 * Waits. The only way the engine and connectors pass time (pacing, backoff, polling a job), so tests substitute one
 * that records instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    };

    void sleep(Duration duration) throws InterruptedException;
}
