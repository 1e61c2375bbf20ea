package io.seglift.sync.resilience;

import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RequestScope;
import io.seglift.spi.destination.RetriableDestinationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedCallerTest {
    private final List<Duration> slept = new ArrayList<>();

    private GuardedCaller caller(List<RateLimit> limits, ResilienceSettings s) {
        return new GuardedCaller("t", limits, s, slept::add, false);
    }

    @Test
    void twoScopesArePacedIndependently() {
        GuardedCaller g = caller(List.of(new RateLimit("default", 1000, Duration.ofSeconds(1)),
                new RateLimit("imports", 1, Duration.ofSeconds(1), RequestScope.of("POST", "/api/imports")),
                new RateLimit("lists", 1, Duration.ofSeconds(1), RequestScope.path("/api/lists/**"))),
                ResilienceSettings.defaults());
        g.pace("POST", "/api/imports");
        g.pace("GET", "/api/lists/L1");
        assertThat(slept).as("the first request of each scope waits for nothing").isEmpty();
        g.pace("POST", "/api/imports");
        assertThat(slept).hasSize(1);
        assertThat(slept.get(0)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100));
        g.pace("GET", "/api/other");
        assertThat(slept).as("a request outside both scopes waits only for the default").hasSize(1);
    }

    @Test
    void aDailyLimitIsABudgetNotASpacing() {
        GuardedCaller g = caller(List.of(new RateLimit("daily", 150, Duration.ofDays(1), RequestScope.of("POST", "/api/lists"))),
                ResilienceSettings.defaults());
        for (int i = 0; i < 100; i++) g.pace("POST", "/api/lists");
        assertThat(slept).isEmpty();
    }

    @Test
    void aUsedUpLimitPastTheMaximumWaitStops() {
        GuardedCaller g = caller(List.of(new RateLimit("daily", 1, Duration.ofDays(1))), ResilienceSettings.defaults());
        g.pace("GET", "/x");
        assertThatThrownBy(() -> g.pace("GET", "/x")).isInstanceOf(WaitTooLongException.class)
                .hasMessageContaining("rate limit daily").hasMessageContaining("15m");
        assertThat(slept).isEmpty();
    }

    @Test
    void aServerWaitUpToTheMaximumIsHonouredAndPastItStops() {
        GuardedCaller g = caller(List.of(new RateLimit("default", 1000, Duration.ofSeconds(1))),
                ResilienceSettings.defaults().withMaxServerWait(Duration.ofMinutes(15)));
        int[] n = {0};
        String r = g.call("push", () -> {
            if (n[0]++ == 0) throw new RetriableDestinationException("429", "busy", Duration.ofMinutes(14));
            return "ok";
        });
        assertThat(r).isEqualTo("ok");
        assertThat(slept).contains(Duration.ofMinutes(14));
        assertThatThrownBy(() -> g.call("push", () -> {
            throw new RetriableDestinationException("DAILY_LIMIT", "HubSpot daily limit",
                    Duration.ofHours(23).plusMinutes(59));
        })).isInstanceOf(WaitTooLongException.class)
                .hasMessage("push: the destination asked to wait 23h 59m (HubSpot daily limit); the most Seglift waits "
                        + "is 15m; rerun later");
    }
}
