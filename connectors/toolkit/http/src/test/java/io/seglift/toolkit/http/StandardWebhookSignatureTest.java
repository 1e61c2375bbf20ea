package io.seglift.toolkit.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhookSignatureTest {
    // The test vector of the Standard Webhooks reference libraries
    // (https://github.com/standard-webhooks/standard-webhooks, libraries' signature tests).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void reproducesTheReferenceLibrariesVector() {
        assertThat(StandardWebhookSignature.headers(SECRET, ID, TIMESTAMP, BODY))
                .containsEntry("webhook-id", ID)
                .containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", SIGNATURE);
    }

    @Test
    void verifiesTheVectorAndAnyEntryOfARotatedHeader() {
        assertThat(verify(SIGNATURE, TIMESTAMP)).isTrue();
        assertThat(verify("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SIGNATURE, TIMESTAMP)).isTrue();
    }

    @Test
    void refusesAnotherBodyAStaleTimestampOrAnotherScheme() {
        assertThat(StandardWebhookSignature.verify(SECRET, ID, "1614265330", SIGNATURE,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), TIMESTAMP, 300)).isFalse();
        assertThat(verify(SIGNATURE, TIMESTAMP + 301)).isFalse();
        assertThat(verify(SIGNATURE.replace("v1,", "v1a,"), TIMESTAMP)).isFalse();
        assertThat(StandardWebhookSignature.verify(SECRET, ID, "not-a-number", SIGNATURE, BODY, TIMESTAMP, 300))
                .isFalse();
        assertThat(StandardWebhookSignature.verify(SECRET, null, "1614265330", SIGNATURE, BODY, TIMESTAMP, 300))
                .isFalse();
    }

    private static boolean verify(String header, long now) {
        return StandardWebhookSignature.verify(SECRET, ID, Long.toString(TIMESTAMP), header, BODY, now, 300);
    }
}
