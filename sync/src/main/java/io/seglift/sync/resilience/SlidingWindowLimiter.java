package io.seglift.sync.resilience;

import io.seglift.spi.destination.RateLimit;

import java.time.Duration;
import java.util.ArrayList;

/**
 * One declared limit paced as the vendor enforces it: at most {@code floor(requests × headroom)} admitted requests in
 * any rolling {@code period}. It is a sliding log: it keeps the admission times of the last {@link #capacity()}
 * requests, and a request is admitted at once while the log has room, otherwise when the oldest entry has left the
 * window. A backlog therefore uses a window's whole budget at the pace of the shorter limits (Klaviyo's 10/s burst
 * under its 150/min steady limit) instead of evenly spaced permits.
 *
 * <p>Why not resilience4j's {@code RateLimiter}: it only has fixed refresh cycles. Used as a budget per period, a fixed
 * window lets up to twice the limit through across a cycle boundary, which a vendor enforcing a rolling window
 * (HubSpot's 10-second window, Klaviyo's burst and steady windows, the sandboxes) answers with 429; used with short
 * cycles it spaces requests evenly and wastes the burst allowance. A log of at most {@code capacity} timestamps per
 * limit is small and exact.
 *
 * <p>The window the limiter waits for is {@code period} plus a margin of {@code period × (1 − headroom)}, at most
 * {@link #MAX_MARGIN}: requests leave some time after they are admitted (scheduling, connection reuse), and without
 * the margin a request admitted exactly one window after a delayed one could land inside the vendor's window.
 *
 * <p>Times are nanoseconds from the caller's monotonic ticker and may lie in the future: a request that must wait
 * reserves its admission time and sleeps until then outside any lock. A request matching several limits is admitted
 * at the earliest time all of them allow, so a limit's log may hold a reserved time later than the time another
 * request admits at now; the log is kept sorted and an admission time is accepted only if no rolling window around
 * it would then hold more than {@code capacity} entries. Not thread-safe: {@link GuardedCaller} serialises
 * reservations.
 */
final class SlidingWindowLimiter {
    /** Longest latency margin added to a window. */
    static final Duration MAX_MARGIN = Duration.ofMillis(250);

    private final RateLimit limit;
    private final int capacity;
    private final long windowNanos;
    /** Admission times, ascending; entries that can no longer share a window with a new request are dropped. */
    private final ArrayList<Long> admitted = new ArrayList<>();

    SlidingWindowLimiter(RateLimit limit, double headroom) {
        this.limit = limit;
        this.capacity = (int) Math.max(1, Math.floor(limit.requests() * headroom));
        long period = limit.period().toNanos();
        long margin = Math.min((long) (period * Math.max(0, 1 - headroom)), MAX_MARGIN.toNanos());
        this.windowNanos = period + margin;
    }

    RateLimit limit() {
        return limit;
    }

    /** Requests admitted in any rolling period. */
    int capacity() {
        return capacity;
    }

    /** Requests per second this limit sustains over a long backlog. */
    double sustainedPerSecond() {
        return capacity * 1e9 / windowNanos;
    }

    /**
     * The earliest time, not before {@code from}, at which this limit admits another request; any time past {@code
     * giveUpAfter} is returned as soon as the search reaches it. Waiting only helps when an entry leaves a window, so
     * the candidates are {@code from} and the times entries leave.
     */
    long earliest(long from, long giveUpAfter) {
        if (admitted.size() < capacity) return from;
        if (fits(from)) return from;
        for (long e : admitted) {
            long candidate = e + windowNanos;
            if (candidate <= from) continue;
            if (candidate > giveUpAfter || fits(candidate)) return candidate;
        }
        return Math.max(from, admitted.get(admitted.size() - 1) + windowNanos);
    }

    /** Records an admission at {@code time}; {@code now} drops entries older than any future request's window. */
    void admit(long time, long now) {
        int drop = lowerBound(now - windowNanos + 1);
        if (drop > 0) admitted.subList(0, drop).clear();
        admitted.add(lowerBound(time), time);
    }

    /** Whether no rolling window would hold more than {@code capacity} entries with one more at {@code t}. */
    private boolean fits(long t) {
        int lo = lowerBound(t - windowNanos + 1);
        int hi = lowerBound(t + windowNanos);
        if (hi - lo < capacity) return true;
        long[] near = new long[hi - lo + 1];
        int at = lowerBound(t);
        for (int i = lo, j = 0; i < hi; i++, j++) near[j < at - lo ? j : j + 1] = admitted.get(i);
        near[at - lo] = t;
        int first = 0;
        for (int last = 0; last < near.length; last++) {
            while (near[last] - near[first] >= windowNanos) first++;
            if (last - first + 1 > capacity) return false;
        }
        return true;
    }

    /** The index of the first entry not before {@code t}. */
    private int lowerBound(long t) {
        int lo = 0;
        int hi = admitted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (admitted.get(mid) < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
