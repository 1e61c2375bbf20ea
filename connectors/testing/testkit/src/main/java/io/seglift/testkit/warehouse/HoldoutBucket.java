package io.seglift.testkit.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The holdout bucket from its documented definition ({@code Dialect#holdoutBucket}): the integer value of the first 8
 * hex digits of {@code md5(salt || ':' || key)} modulo 10000. Written again here, independently of scoring, so the kit
 * checks each dialect against the definition rather than against another implementation.
 */
public final class HoldoutBucket {
    private HoldoutBucket() {
    }

    public static int of(String salt, String key) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
            return (int) (Long.parseLong(HexFormat.of().formatHex(d).substring(0, 8), 16) % 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
