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
    void idempotencyKeyDependsOnAudienceOperationAndKeysOnly() {
        AudienceRef a = new AudienceRef("vip", "VIP", false);
        List<Member> ms = List.of(new Member("c1", Map.of(), Map.of(), null), new Member("c2", Map.of(), Map.of(), null));
        String add = WebhookDestination.idempotencyKey(Batch.builder(a, Operation.ADD, ms).totalInRun(2).build());
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.ADD, ms).sequence(3).lastBatch(false).totalInRun(9).build())).isEqualTo(add);
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.REMOVE, ms).totalInRun(2).build())).isNotEqualTo(add);
        assertThat(WebhookDestination.idempotencyKey(Batch.builder(a, Operation.ADD, ms.subList(0, 1)).totalInRun(1).build()))
                .isNotEqualTo(add);
    }
}
