package io.seglift.destination.webhook;

import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.toolkit.http.StandardWebhookSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureHeadersTest {
    private static final long NOW = 1_700_000_000L;
    private static final String SECRET = "key";
    private final WebhookReceiverApi receiver = new WebhookReceiverApi(SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void aBatchKeepsItsMessageIdOnRetryAndOtherRequestsGetTheirOwn() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String key = "\"" + "ab".repeat(32) + "\"";
        assertThat(WebhookDestination.messageId("POST", "/batches", NOW, body, key))
                .isEqualTo(WebhookDestination.messageId("POST", "/batches", NOW + 30, body, key))
                .isEqualTo("msg_" + "ab".repeat(32));
        assertThat(WebhookDestination.messageId("GET", "/ping", NOW, new byte[0], null))
                .isNotEqualTo(WebhookDestination.messageId("GET", "/ping", NOW + 1, new byte[0], null))
                .matches("msg_[0-9a-f]{64}");
    }

    @Test
    void theSandboxAcceptsARequestSignedBothWaysOnly() {
        assertThat(ping(true, true)).isEqualTo(200);
        assertThat(ping(true, false)).as("Standard Webhooks headers missing").isEqualTo(401);
        assertThat(ping(false, true)).as("X-Seglift-Signature missing").isEqualTo(401);
    }

    private int ping(boolean legacy, boolean standard) {
        Map<String, String> headers = new HashMap<>();
        if (legacy) {
            headers.put("x-seglift-timestamp", Long.toString(NOW));
            headers.put("x-seglift-signature", "sha256=" + RequestSigner.hmacHex(SECRET, NOW, new byte[0]));
        }
        if (standard) headers.putAll(StandardWebhookSignature.headers(SECRET, "msg_1", NOW, new byte[0]));
        return receiver.handle(new SandboxRequest("GET", "/ping", Map.of(), headers, ""), false, () -> false).status();
    }
}
