package io.seglift.toolkit.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a message the Standard Webhooks way (https://www.standardwebhooks.com/, specification
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md): the signed content is
 * {@code id + "." + timestamp + "." + body}, HMAC-SHA256 with the secret, base64, sent as {@code webhook-signature:
 * v1,<base64>} beside {@code webhook-id} and {@code webhook-timestamp} (Unix seconds). Receivers reject timestamps too
 * far from their clock and ids they have seen, which stops replays. A secret written {@code whsec_<base64>} is
 * base64-decoded to the key, as the specification's secrets are; any other secret is used as its UTF-8 bytes.
 * Used by the alerts and by the webhook destination, so both speak the same scheme.
 */
public final class StandardWebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private StandardWebhookSignature() {
    }

    /** The three headers for {@code body}. */
    public static Map<String, String> headers(String secret, String id, long timestampSeconds, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(ID, id);
        h.put(TIMESTAMP, Long.toString(timestampSeconds));
        h.put(SIGNATURE, "v1," + sign(secret, id, timestampSeconds, body));
        return h;
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} (without the {@code v1,} prefix). */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Whether {@code signatureHeader} (one or more space-separated {@code v1,<base64>} entries, as the specification
     * allows during key rotation) holds the signature of {@code body} for {@code id} and {@code timestampSeconds}, and
     * the timestamp is within {@code toleranceSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(String secret, String id, String timestampSeconds, String signatureHeader, byte[] body,
                                 long nowSeconds, long toleranceSeconds) {
        if (id == null || timestampSeconds == null || signatureHeader == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampSeconds);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
        byte[] expected = sign(secret, id, ts, body).getBytes(StandardCharsets.UTF_8);
        for (String entry : signatureHeader.trim().split(" +")) {
            if (entry.startsWith("v1,")
                    && MessageDigest.isEqual(expected, entry.substring(3).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // not base64 after the prefix: use the text as written
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
