package io.seglift.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A test's one-shot request for per-row transient failures: the next {@code rows} rows a {@link SandboxApi} asks about
 * (through the {@code failRow} supplier of {@link SandboxApi#handle}) fail "for now", the way the vendor answers a
 * row it could not write at the moment (HubSpot: a per-row error in a 207 multi-status). Unlike {@link FaultPlan}'s
 * random {@link Fault#PARTIAL} share, it picks exactly how many rows fail, so a test can check the connector reports
 * each of them as retry. Requests stay armed until the rows are used up, so a lookup before the write does not consume
 * them. Thread-safe.
 */
public final class RowFailuresForNow {
    private final AtomicInteger remaining = new AtomicInteger();

    /** Fails the next {@code rows} rows asked about. */
    public void arm(int rows) {
        if (rows < 0) throw new IllegalArgumentException("rows must not be negative, got " + rows);
        remaining.set(rows);
    }

    /** Whether the next request should be handled with {@code partialFailure} set. */
    public boolean armed() {
        return remaining.get() > 0;
    }

    /** The {@code failRow} supplier for a request: true for each armed row, then false. */
    public BooleanSupplier failRow() {
        return () -> remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
