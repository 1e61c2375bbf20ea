package io.seglift.destination.klaviyo;

import java.time.Duration;

/** Waits between polls of an import job; tests pass one that does not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
