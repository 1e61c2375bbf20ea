package io.seglift.destination.webhook;

import io.seglift.spi.settings.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook requests: {@code X-Seglift-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}. Receivers
 * recompute it with the shared secret and reject stale timestamps to stop replays.
 */
public final class RequestSigner {
    public static final String SIGNATURE_HEADER = "X-Seglift-Signature";
    public static final String TIMESTAMP_HEADER = "X-Seglift-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final Secret secret;

    public RequestSigner(Secret secret) {
        this.secret = secret;
    }

    /** The signature header value for {@code body} sent at {@code epochSeconds}. */
    public String sign(long epochSeconds, byte[] body) {
        return "sha256=" + hmacHex(secret.reveal(), epochSeconds, body);
    }

    /** HMAC-SHA256 of {@code "<timestamp>.<body>"} as lowercase hex. */
    public static String hmacHex(String key, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
