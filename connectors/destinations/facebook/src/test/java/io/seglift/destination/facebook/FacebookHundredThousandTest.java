package io.seglift.destination.facebook;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.sandbox.Fault;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.FaultyRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 100,000 members to the Graph sandbox while 20% of calls are throttled, 10% get 500 and 5% a reset: none lost. */
@Tag("slow")
class FacebookHundredThousandTest {

    @Test
    void hundredThousandMembersUnderInjectedFaults() {
        FacebookSandboxApi api = new FacebookSandboxApi(t -> t.equals("EAAB-x"));
        FaultPlan faults = FaultPlan.none().withRateLimited(0.20, Duration.ofSeconds(60)).withServerError(0.10)
                .withConnectionReset(0.05).withSeed(2026);
        try (WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults().withFaults(faults));
             Destination d = new FacebookDestinationFactory().create(new Settings("fb", "facebook", Map.of(
                     "base_url", sandbox.baseUrl().toString(), "access_token", Secret.of("${env:T}", "EAAB-x"),
                     "ad_account_id", "act_42")), DestinationContext.builder().httpClient(java.net.http.HttpClient.newHttpClient()).clock(java.time.Clock.systemUTC()).requestTimeout(Duration.ofSeconds(120)).build())) {
            AudienceRef audience = null;
            for (int i = 0; audience == null; i++) {
                try {
                    audience = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
                } catch (RetriableDestinationException e) {
                    if (i > 20) throw e;
                }
            }
            FaultyRun.Summary s = FaultyRun.add(d, FacebookDestination.MAX_BATCH, audience, 100_000, i -> new Member("c" + i,
                    Map.of(IdentifierType.EMAIL, "m" + i + "@example.com"), Map.of(), null));
            System.out.println("facebook 100k: " + s + "; sandbox injected throttles " + sandbox.stats().injected(Fault.RATE_LIMITED)
                    + ", 5xx " + sandbox.stats().injected(Fault.SERVER_ERROR) + ", resets "
                    + sandbox.stats().injected(Fault.CONNECTION_RESET));
            assertThat(s.ok()).isEqualTo(100_000);
            assertThat(s.retryCount()).isPositive();
            assertThat(api.members(audience.id())).hasSize(100_000);
            assertThat(api.unhashedValuesReceived()).isZero();
        }
    }
}
