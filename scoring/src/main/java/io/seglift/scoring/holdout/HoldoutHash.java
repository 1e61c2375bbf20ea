package io.seglift.scoring.holdout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The holdout bucket in Java: the integer value of the first 8 hex digits of {@code md5(salt + ":" + key)} modulo
 * 10000, exactly as {@link io.seglift.spi.warehouse.Dialect#holdoutBucket} computes it in SQL. A customer is held out
 * when the bucket is below {@link #threshold(double) fraction × 10000}.
 */
public final class HoldoutHash {
    /** Buckets run 0..{@code BUCKETS - 1}. */
    public static final int BUCKETS = 10_000;

    private HoldoutHash() {
    }

    /** The bucket, 0..9999, of {@code key} in the segment salted with {@code salt}. */
    public static int bucket(String salt, String key) {
        byte[] digest = md5((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
        long first32 = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        return (int) (first32 % BUCKETS);
    }

    /** Buckets below this are held out; {@code fraction} must be within 0..1. */
    public static int threshold(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("holdout fraction must be within 0..1, got " + fraction);
        }
        return (int) Math.round(fraction * BUCKETS);
    }

    /** The arm of {@code key}: {@link Arm#HOLDOUT} when its bucket is below the threshold of {@code fraction}. */
    public static Arm arm(String salt, String key, double fraction) {
        return bucket(salt, key) < threshold(fraction) ? Arm.HOLDOUT : Arm.TREATMENT;
    }

    private static byte[] md5(byte[] input) {
        try {
            return MessageDigest.getInstance("MD5").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
