package io.seglift.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The token {@code serve} requires as {@code Authorization: Bearer TOKEN}. Only a SHA-256 digest of it is kept, and a
 * presented token is compared by digest with {@link MessageDigest#isEqual}, so the comparison takes the same time
 * whatever the presented token and however much of it matches. {@link #toString()} never shows it.
 */
public final class BearerToken {
    /** Shortest token accepted: 16 characters (e.g. {@code openssl rand -hex 32} gives 64). */
    public static final int MIN_LENGTH = 16;
    /** RFC 6750 section 2.1 {@code b64token}: what a client can send after {@code Bearer }. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final byte[] digest;

    private BearerToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * The token {@code value}; throws {@link IllegalArgumentException} (without the value) when it is shorter than
     * {@value #MIN_LENGTH} characters or has characters a bearer token cannot carry.
     */
    public static BearerToken of(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("is shorter than " + MIN_LENGTH + " characters (e.g. openssl rand -hex 32)");
        }
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("may hold only letters, digits and - . _ ~ + / (then = padding), as RFC 6750"
                    + " allows in a bearer token");
        }
        return new BearerToken(sha256(value));
    }

    /** Whether {@code s} is a {@code b64token}, the only form a client can send after {@code Bearer }. */
    static boolean wellFormed(String s) {
        return B64TOKEN.matcher(s).matches();
    }

    /** Whether {@code presented} is this token, in time independent of how much of it matches. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }
}
