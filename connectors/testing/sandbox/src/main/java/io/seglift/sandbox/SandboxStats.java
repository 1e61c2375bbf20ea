package io.seglift.sandbox;

import java.util.Map;

/**
 * What a sandbox has served so far.
 *
 * @param requests        every request received
 * @param answered        requests that reached the API model and were answered (including injected partials and delays)
 * @param limitRejected   requests refused by the real rate limit
 * @param injected        injected faults by kind (without {@link Fault#NONE})
 * @param firstMillis     time of the first request, or -1
 * @param lastMillis      time of the last request, or -1
 */
public record SandboxStats(long requests, long answered, long limitRejected, Map<Fault, Long> injected,
                           long firstMillis, long lastMillis) {
    public SandboxStats {
        injected = Map.copyOf(injected);
    }

    public long injected(Fault fault) {
        return injected.getOrDefault(fault, 0L);
    }

    /** Requests that consumed rate-limit quota (answered plus injected 429/5xx), per second, over the busy period. */
    public double quotaRequestsPerSecond() {
        if (firstMillis < 0 || lastMillis <= firstMillis) return 0;
        long used = answered + injected(Fault.RATE_LIMITED) + injected(Fault.SERVER_ERROR);
        return used * 1000.0 / (lastMillis - firstMillis);
    }
}
