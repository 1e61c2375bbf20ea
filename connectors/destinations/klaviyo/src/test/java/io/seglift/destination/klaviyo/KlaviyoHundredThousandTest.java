package io.seglift.destination.klaviyo;

import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.sandbox.Fault;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.FaultyRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 100,000 profiles to the Klaviyo sandbox while 20% of calls get 429, 10% 503 and 5% a reset: none lost. */
@Tag("slow")
class KlaviyoHundredThousandTest {

    @Test
    void hundredThousandProfilesUnderInjectedFaults() {
        // the sandbox's Retry-After waits are recorded, not slept: the test checks what is sent, not the clock
        java.util.List<Duration> waits = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        KlaviyoSandboxApi api = new KlaviyoSandboxApi(k -> k.equals("pk_x"));
        FaultPlan faults = FaultPlan.none().withRateLimited(0.20, Duration.ofSeconds(1)).withServerError(0.10)
                .withConnectionReset(0.05).withSeed(2026);
        try (WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults().withFaults(faults));
             Destination d = new KlaviyoDestinationFactory().create(new Settings("k", "klaviyo", Map.of(
                     "base_url", sandbox.baseUrl().toString(), "api_key", Secret.of("${env:K}", "pk_x"),
                     "job_poll_interval", "1ms")), DestinationContext.builder().sleeper(waits::add).build())) {
            var audience = retrying(() -> d.ensureAudience(new AudienceSpec("vip", "VIP", "brief")));
            FaultyRun.Summary s = FaultyRun.add(d, KlaviyoDestination.MAX_BATCH, audience, 100_000, i -> new Member("c" + i,
                    Map.of(IdentifierType.EMAIL, "m" + i + "@example.com"), Map.of(), null));
            System.out.println("klaviyo 100k: " + s + "; sandbox injected 429 " + sandbox.stats().injected(Fault.RATE_LIMITED)
                    + ", 5xx " + sandbox.stats().injected(Fault.SERVER_ERROR) + ", resets "
                    + sandbox.stats().injected(Fault.CONNECTION_RESET));
            assertThat(s.ok()).isEqualTo(100_000);
            assertThat(s.retryCount()).isPositive();
            assertThat(api.memberCount(audience.id())).isEqualTo(100_000);
            assertThat(api.profileCount()).as("retried imports upsert, never duplicate").isEqualTo(100_000);
        }
    }

    static <T> T retrying(java.util.function.Supplier<T> call) {
        for (int i = 0; ; i++) {
            try {
                return call.get();
            } catch (io.seglift.spi.destination.RetriableDestinationException e) {
                if (i > 20) throw e;
            }
        }
    }
}
