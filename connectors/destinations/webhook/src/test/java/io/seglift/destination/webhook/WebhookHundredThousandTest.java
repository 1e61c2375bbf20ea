package io.seglift.destination.webhook;

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
import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 100,000 members to the receiver while 10% of calls get 429, 2% 503 and 1% a reset: none lost. */
@Tag("slow")
class WebhookHundredThousandTest {

    @Test
    void hundredThousandMembersUnderInjectedFaults() {
        WebhookReceiverApi api = new WebhookReceiverApi("s3cret", Clock.systemUTC());
        FaultPlan faults = FaultPlan.none().withRateLimited(0.10, Duration.ofSeconds(1)).withServerError(0.02)
                .withConnectionReset(0.01).withSeed(2026);
        try (WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults().withFaults(faults));
             Destination d = new WebhookDestinationFactory().create(new Settings("hook", "webhook", Map.of(
                     "base_url", sandbox.baseUrl().toString(), "signing_secret", Secret.of("${env:S}", "s3cret"))),
                     DestinationContext.defaults())) {
            var audience = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            FaultyRun.Summary s = FaultyRun.add(d, new WebhookDestinationFactory().capabilities(new Settings("hook", "webhook", Map.of("base_url", sandbox.baseUrl().toString(), "signing_secret", Secret.of("${env:S}", "s3cret")))).maxBatchSize(), audience, 100_000, i -> new Member("c" + i,
                    Map.of(IdentifierType.EMAIL, "m" + i + "@example.com"), Map.of(), null));
            System.out.println("webhook 100k: " + s + "; sandbox injected 429 " + sandbox.stats().injected(Fault.RATE_LIMITED)
                    + ", 5xx " + sandbox.stats().injected(Fault.SERVER_ERROR) + ", resets "
                    + sandbox.stats().injected(Fault.CONNECTION_RESET));
            assertThat(s.ok()).isEqualTo(100_000);
            assertThat(api.members(audience.id())).hasSize(100_000);
            assertThat(s.retryCount()).isPositive();
        }
    }
}
