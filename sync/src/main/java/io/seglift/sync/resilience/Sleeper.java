package io.seglift.sync.resilience;

import java.time.Duration;

/** Waits. The engine's only way to pass time, so tests substitute one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    };

    void sleep(Duration duration) throws InterruptedException;
}
