package io.seglift.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How to run a sandbox.
 *
 * @param rateLimit the limit enforced (empty: none)
 * @param faults    injected faults
 * @param port      port to bind on 127.0.0.1, 0 for any free port
 * @param millis    time source for the rate limit and stats (tests may pass a fake)
 */
public record SandboxOptions(Optional<RollingWindowLimit> rateLimit, FaultPlan faults, int port, LongSupplier millis) {

    /** No limit, no faults, a free port, the system clock. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Optional.empty(), FaultPlan.none(), 0, System::currentTimeMillis);
    }

    public SandboxOptions withRateLimit(int requests, Duration window) {
        return new SandboxOptions(Optional.of(new RollingWindowLimit(requests, window)), faults, port, millis);
    }

    public SandboxOptions withFaults(FaultPlan plan) {
        return new SandboxOptions(rateLimit, plan, port, millis);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(rateLimit, faults, newPort, millis);
    }
}
