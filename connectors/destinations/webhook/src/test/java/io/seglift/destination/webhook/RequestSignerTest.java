package io.seglift.destination.webhook;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.settings.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        String sig = new RequestSigner(Secret.of("${env:K}", "key")).sign(1_700_000_000L,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(sig).isEqualTo("sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03");
    }

    @Test
    void idempotencyKeyNamesOneLogicalRequestStableAcrossRetriesDifferentAcrossRunsAndContent() {
        AudienceRef a = new AudienceRef("vip", "VIP", false);
        List<Member> ms = List.of(new Member("c1", Map.of(), Map.of(), null), new Member("c2", Map.of(), Map.of(), null));
        byte[] body = "{\"members\":[\"c1\",\"c2\"]}".getBytes(StandardCharsets.UTF_8);
        Batch batch = Batch.builder(a, Operation.ADD, ms).runId("run-1").sequence(3).totalInRun(9).build();
        String key = WebhookDestination.idempotencyKey(batch, body);
        assertThat(key).as("a structured-field string").matches("\"[0-9a-f]{64}\"");
        assertThat(WebhookDestination.idempotencyKey(batch, body.clone())).as("the same batch retried").isEqualTo(key);
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.ADD, ms).runId("run-2").sequence(3)
                .totalInRun(9).build(), body)).as("another run").isNotEqualTo(key);
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.ADD, ms).runId("run-1").sequence(4)
                .totalInRun(9).build(), body)).as("another batch of the run").isNotEqualTo(key);
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.REMOVE, ms).runId("run-1").sequence(3)
                .totalInRun(9).build(), body)).as("another operation").isNotEqualTo(key);
        assertThat(WebhookDestination.idempotencyKey(batch, "{\"members\":[\"c1\",\"c2\"],\"x\":1}"
                .getBytes(StandardCharsets.UTF_8))).as("other content").isNotEqualTo(key);
    }
}
