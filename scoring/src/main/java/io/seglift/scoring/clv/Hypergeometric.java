package io.seglift.scoring.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for positive {@code a, b, c} and {@code 0 <= z < 1},
 * summed as its power series until a term no longer changes the sum. The sum is kept in log scale (rescaled as terms
 * grow), because for customers with thousands of purchases the terms exceed the double range before they shrink.
 * BG/NBD's conditional expectation calls it with {@code z = t / (alpha + T + t) < 1}.
 */
public final class Hypergeometric {
    static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        return Math.exp(logF21(a, b, c, z));
    }

    /** {@code ln 2F1(a, b; c; z)}. */
    public static double logF21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1) || !(a > 0 && b > 0 && c > 0)) {
            throw new IllegalArgumentException("2F1 needs a, b, c > 0 and 0 <= z < 1, got a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (z == 0) {
            return 0;
        }
        double logZ = Math.log(z);
        double logTerm = 0;
        double shift = 0;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            logTerm += Math.log(a + k) + Math.log(b + k) - Math.log(c + k) - Math.log(k + 1) + logZ;
            if (logTerm > shift) {
                sum *= Math.exp(shift - logTerm);
                shift = logTerm;
            }
            double next = sum + Math.exp(logTerm - shift);
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return shift + Math.log(sum);
    }
}
