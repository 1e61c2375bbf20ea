package io.seglift.sync.resilience;

import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RequestScope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declared limits are paced as rolling windows: a backlog uses a window's budget at the burst limit's pace. */
class RollingWindowPacingTest {
    private static final RequestScope IMPORTS = RequestScope.of("POST", "/api/profile-bulk-import-jobs");
    private static final List<RateLimit> KLAVIYO_IMPORTS = List.of(
            new RateLimit("profile-bulk-import-jobs:steady", 150, Duration.ofMinutes(1), IMPORTS),
            new RateLimit("profile-bulk-import-jobs:burst", 10, Duration.ofSeconds(1), IMPORTS));

    /** A fake clock in nanoseconds that the sleeper advances. */
    private long now;

    private GuardedCaller fakeClockCaller(List<RateLimit> limits, ResilienceSettings s) {
        return new GuardedCaller("t", limits, s, d -> now += d.toNanos(), false, () -> now);
    }

    private List<Long> admit(GuardedCaller g, int requests) {
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            g.pace("POST", "/api/profile-bulk-import-jobs");
            at.add(now);
        }
        return at;
    }

    @Test
    void aSteadyAndABurstLimitLetABacklogUseTheWindowAtTheBurstPace() {
        List<Long> at = admit(fakeClockCaller(KLAVIYO_IMPORTS, ResilienceSettings.defaults()), 300);

        assertThat(at.subList(0, 9)).as("the first burst waits for nothing").containsOnly(0L);
        assertThat(at.get(9)).as("the 10th request waits one second plus the 30 ms margin")
                .isEqualTo(Duration.ofMillis(1030).toNanos());
        assertThat(at.get(144)).as("145 = floor(150 × 0.97) requests in 16 bursts of 9, 1.03 s apart")
                .isEqualTo(Duration.ofMillis(16 * 1030).toNanos());
        assertThat(at.get(145)).as("the 146th waits until the first leaves the minute (plus the 250 ms margin)")
                .isEqualTo(Duration.ofMillis(60_250).toNanos());
        assertThat(maxInAnyWindow(at, Duration.ofMinutes(1))).isEqualTo(145);
        assertThat(maxInAnyWindow(at, Duration.ofSeconds(1))).isEqualTo(9);
    }

    @Test
    void theDefaultLimitPacesOnlyRequestsNoDeclaredLimitCoversAndWholeCalls() {
        RequestScope lookups = RequestScope.of("GET", "/api/profiles");
        List<RateLimit> declared = List.of(new RateLimit("profiles-read:burst", 75, Duration.ofSeconds(1), lookups));
        GuardedCaller g = new GuardedCaller("t", declared, Optional.of(new RateLimit("default", 10, Duration.ofSeconds(1))),
                ResilienceSettings.defaults(), d -> now += d.toNanos(), false, () -> now);

        List<Long> at = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            g.pace("GET", "/api/profiles");
            at.add(now);
        }
        assertThat(at).as("72 = floor(75 × 0.97) lookups at the endpoint's own burst, not at the default 10/s")
                .containsOnly(0L);

        at.clear();
        for (int i = 0; i < 10; i++) {
            g.pace("POST", "/api/undeclared");
            at.add(now);
        }
        assertThat(at.subList(0, 9)).as("an undeclared request gets the default's 9 per second").containsOnly(0L);
        assertThat(at.get(9)).isEqualTo(Duration.ofMillis(1030).toNanos());

        long before = now;
        for (int i = 0; i < 9; i++) g.pace(null, null);
        assertThat(now).as("whole calls share the default's window with the undeclared requests").isGreaterThan(before);
        assertThat(g.pacedPerSecond()).isLessThan(10.0);
    }

    @Test
    void twoThreadsNeverOverrunARollingWindow() throws Exception {
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        // the clock stands still, so each admission time is the wait the pacer reserved; the sleeper runs on the
        // calling thread, so each thread reads back its own wait (0 when it did not sleep)
        ThreadLocal<Long> slept = ThreadLocal.withInitial(() -> 0L);
        GuardedCaller g = new GuardedCaller("t", List.of(new RateLimit("default", 100, Duration.ofSeconds(10))),
                ResilienceSettings.defaults(), d -> slept.set(d.toNanos()), false, () -> 0L);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 150; i++) {
                        slept.set(0L);
                        g.pace("GET", "/crm/v3/objects/contacts");
                        at.add(slept.get());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Long> sorted = new ArrayList<>(at);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(300);
        assertThat(sorted.stream().filter(t -> t == 0L).count()).as("the whole budget is usable at once").isEqualTo(97);
        assertThat(maxInAnyWindow(sorted, Duration.ofSeconds(10))).isEqualTo(97);
    }

    @Test
    void aWaitPastTheMaximumStopsWithoutTakingASlot() {
        GuardedCaller g = fakeClockCaller(KLAVIYO_IMPORTS, ResilienceSettings.defaults().withMaxServerWait(Duration.ofSeconds(30)));
        admit(g, 145);
        assertThat(now).isEqualTo(Duration.ofMillis(16_480).toNanos());

        assertThatThrownBy(() -> g.pace("POST", "/api/profile-bulk-import-jobs"))
                .isInstanceOf(WaitTooLongException.class)
                .hasMessage("rate limit profile-bulk-import-jobs:steady (150 per PT1M) is used up for longer than the "
                        + "most Seglift waits (30s); rerun later")
                .satisfies(e -> assertThat(((WaitTooLongException) e).requestedWait())
                        .isEqualTo(Duration.ofMillis(60_250 - 16_480)));

        now = Duration.ofMillis(60_250).toNanos();
        long before = now;
        g.pace("POST", "/api/profile-bulk-import-jobs");
        assertThat(now).as("the refused request reserved nothing").isEqualTo(before);
    }

    @Test
    void requestsOutsideTheScopeAreNotHeldUp() {
        GuardedCaller g = fakeClockCaller(KLAVIYO_IMPORTS, ResilienceSettings.defaults());
        admit(g, 145);
        long before = now;
        for (int i = 0; i < 50; i++) g.pace("GET", "/api/lists");
        assertThat(now).isEqualTo(before);
    }

    @Test
    void pacedPerSecondIsTheSustainedRateOfTheSlowestLimitOnAllRequests() {
        GuardedCaller g = fakeClockCaller(List.of(new RateLimit("default", 100, Duration.ofSeconds(10)),
                new RateLimit("minute", 1000, Duration.ofMinutes(1))), ResilienceSettings.defaults());
        assertThat(g.pacedPerSecond()).isEqualTo(97 / 10.25);
    }

    /** The most admissions that fall in one rolling window (two admissions exactly a window apart are not in one). */
    private static int maxInAnyWindow(List<Long> sortedTimes, Duration window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sortedTimes.size(); last++) {
            while (sortedTimes.get(last) - sortedTimes.get(first) >= window.toNanos()) first++;
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
