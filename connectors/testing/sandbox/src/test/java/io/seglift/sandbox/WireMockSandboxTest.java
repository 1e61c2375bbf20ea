package io.seglift.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireMockSandboxTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Counts calls and echoes the path; fails every row it is asked to in partial mode. */
    static final class EchoApi implements SandboxApi {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public SandboxResponse handle(SandboxRequest request, boolean partialFailure, java.util.function.BooleanSupplier failRow) {
            calls.incrementAndGet();
            return SandboxResponse.json(partialFailure ? 207 : 200, Map.of("path", request.path(), "q", request.query()));
        }
    }

    private HttpResponse<String> get(Sandbox s, String path) throws Exception {
        return get(s, path, Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(Sandbox s, String path, Duration timeout) throws Exception {
        // POST: the JDK client silently retries idempotent GETs once after a reset, which would hide the fault
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersThroughTheApiModel() throws Exception {
        try (Sandbox s = WireMockSandbox.start(new EchoApi(), SandboxOptions.defaults())) {
            HttpResponse<String> r = get(s, "/a/b?x=1");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"path\":\"/a/b\"").contains("\"x\":\"1\"");
            assertThat(s.stats().answered()).isEqualTo(1);
        }
    }

    @Test
    void enforcesTheRollingWindowWithTheApisOwn429() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        SandboxOptions o = new SandboxOptions(java.util.Optional.of(new RollingWindowLimit(3, Duration.ofSeconds(10))),
                FaultPlan.none(), 0, now::get);
        try (Sandbox s = WireMockSandbox.start(new EchoApi(), o)) {
            for (int i = 0; i < 3; i++) assertThat(get(s, "/x").statusCode()).isEqualTo(200);
            now.addAndGet(4_000);
            HttpResponse<String> limited = get(s, "/x");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("6");
            now.addAndGet(6_000);
            assertThat(get(s, "/x").statusCode()).isEqualTo(200);
            assertThat(s.stats().limitRejected()).isEqualTo(1);
        }
    }

    @Test
    void injectsFaultsRepeatablyFromTheSeed() throws Exception {
        FaultPlan plan = FaultPlan.none().withRateLimited(0.2, Duration.ofSeconds(2)).withServerError(0.2)
                .withConnectionReset(0.1).withPartial(0.2, 0.5).withSeed(42);
        int[] first = statuses(plan);
        int[] second = statuses(plan);
        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 207, 429, 503, -1);
    }

    private int[] statuses(FaultPlan plan) throws Exception {
        int[] out = new int[60];
        try (Sandbox s = WireMockSandbox.start(new EchoApi(), SandboxOptions.defaults().withFaults(plan))) {
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = get(s, "/y").statusCode();
                } catch (IOException e) {
                    out[i] = -1;
                }
            }
            SandboxStats st = s.stats();
            assertThat(st.requests()).isEqualTo(out.length);
            assertThat(st.injected(Fault.CONNECTION_RESET)).isEqualTo(java.util.Arrays.stream(out).filter(x -> x == -1).count());
        }
        return out;
    }

    @Test
    void delayedAnswersTimeOutButTheWorkIsDone() throws Exception {
        EchoApi api = new EchoApi();
        FaultPlan plan = FaultPlan.none().withDelay(1.0, Duration.ofMillis(1500));
        try (Sandbox s = WireMockSandbox.start(api, SandboxOptions.defaults().withFaults(plan))) {
            assertThatThrownBy(() -> get(s, "/slow", Duration.ofMillis(500))).isInstanceOf(HttpTimeoutException.class);
            assertThat(api.calls.get()).isEqualTo(1);
        }
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> FaultPlan.none().withRateLimited(0.7, Duration.ofSeconds(1)).withServerError(0.5))
                .hasMessageContaining("sum to");
    }
}
