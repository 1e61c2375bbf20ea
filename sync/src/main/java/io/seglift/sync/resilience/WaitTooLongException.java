package io.seglift.sync.resilience;

import java.time.Duration;

/**
 * The destination asked for (or a rate limit needs) a wait longer than {@link ResilienceSettings#maxServerWait()}:
 * the run stops cleanly instead of holding the sync lock for hours.
 */
public final class WaitTooLongException extends RuntimeException {
    private final Duration wait;

    public WaitTooLongException(String message, Duration wait, Throwable cause) {
        super(message, cause);
        this.wait = wait;
    }

    /** The wait that was refused. */
    public Duration requestedWait() {
        return wait;
    }

    /** {@code 23h 59m}, {@code 15m}, {@code 40s}. */
    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + "s";
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long rest = s % 60;
        if (h == 0) return m + "m" + (rest == 0 ? "" : " " + rest + "s");
        return h + "h" + (m == 0 ? "" : " " + m + "m");
    }
}
