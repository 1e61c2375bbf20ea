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
        String add = WebhookDestination.idempotencyKey(new Batch(a, Operation.ADD, ms, 0, true, 2));
        assertThat(WebhookDestination.idempotencyKey(new Batch(a, Operation.ADD, ms, 3, false, 9))).isEqualTo(add);
        assertThat(WebhookDestination.idempotencyKey(new Batch(a, Operation.REMOVE, ms, 0, true, 2))).isNotEqualTo(add);
        assertThat(WebhookDestination.idempotencyKey(new Batch(a, Operation.ADD, ms.subList(0, 1), 0, true, 1)))
                .isNotEqualTo(add);
    }
}
