package io.seglift.destination.webhook;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import io.seglift.testkit.SandboxServer;
import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The webhook destination against its receiver sandbox, through the conformance kit. */
class WebhookConformanceTest extends DestinationConformanceTest {
    private static final String SECRET = "whsec-test-0123456789";

    @Override
    protected String type() {
        return "webhook";
    }

    @Override
    protected SandboxHandle startSandbox() {
        WebhookReceiverApi receiver = new WebhookReceiverApi(SECRET, Clock.systemUTC());
        SandboxServer server = SandboxServer.serve(receiver);
        return new SandboxHandle() {
            public String baseUrl() { return server.baseUrl(); }
            public int memberCount(String audienceId) { return receiver.members(audienceId).size(); }
            public boolean contains(String audienceId, Member m) { return receiver.members(audienceId).contains(m.key()); }
            public Duration injectRateLimit(Duration wait) {
                server.faults().rateLimitOnce(receiver, wait);
                return wait;
            }
            public void injectServerError() { server.faults().serverErrorOnce(receiver); }
            public void injectConnectionReset() { server.faults().connectionResetOnce(); }
            public void failRowsForNow(int rows) { server.failRowsForNow(rows); }
            public void close() { server.close(); }
        };
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        return new Settings("hooks", "webhook", Map.of(
                "base_url", baseUrl,
                "signing_secret", Secret.of("${env:WEBHOOK_SECRET}", validCredentials ? SECRET : "wrong-secret-value")));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "person" + index + "@example.com",
                IdentifierType.PHONE, "+1415555" + String.format("%04d", index % 10_000)), Map.of("segment", "vip"), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "not-an-email"), Map.of(), null);
    }

    /**
     * The webhook protocol answers a batch with per-row rejections only (docs/adding-a-destination.md, the
     * {@code rejected} array); a receiver that cannot take rows now answers the whole request 429 or 5xx.
     */
    @Override
    protected java.util.Optional<String> transientFailuresAreWholeRequestOnly() {
        return java.util.Optional.of("the webhook protocol has per-row rejections only; transient failures are whole-request 429/5xx");
    }
}
