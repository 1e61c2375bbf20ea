package io.seglift.scoring.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for positive {@code a, b}, {@code c} not zero or a negative
 * whole number, and {@code 0 <= z < 1}, summed as its power series until a term no longer changes the sum. Terms are
 * kept as sign and logarithm and the sum is rescaled as they grow, because for customers with thousands of purchases
 * the terms exceed the double range before they shrink. BG/NBD's conditional expectation calls it with
 * {@code c = a + b + x - 1} (negative when the fitted {@code a + b < 1} and {@code x = 0}) and
 * {@code z = t / (alpha + T + t) < 1}.
 */
public final class Hypergeometric {
    static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    /** {@code 2F1(a, b; c; z)}. */
    public static double f21(double a, double b, double c, double z) {
        double[] signed = signedLog(a, b, c, z);
        return signed[0] * Math.exp(signed[1]);
    }

    /** {@code ln 2F1(a, b; c; z)}; NaN in the (unusual) case that the sum is negative. */
    public static double logF21(double a, double b, double c, double z) {
        double[] signed = signedLog(a, b, c, z);
        return signed[0] > 0 ? signed[1] : Double.NaN;
    }

    /** The sign and the logarithm of the absolute value of the sum. */
    private static double[] signedLog(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1) || !(a > 0 && b > 0) || (c <= 0 && c == Math.rint(c))) {
            throw new IllegalArgumentException("2F1 needs a, b > 0, c not zero or a negative whole number and 0 <= z < 1,"
                    + " got a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
        }
        if (z == 0) {
            return new double[]{1, 0};
        }
        double logZ = Math.log(z);
        double logTerm = 0;
        double sign = 1;
        double shift = 0;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            sign *= Math.signum(c + k);
            logTerm += Math.log(a + k) + Math.log(b + k) - Math.log(Math.abs(c + k)) - Math.log(k + 1) + logZ;
            if (logTerm > shift) {
                sum *= Math.exp(shift - logTerm);
                shift = logTerm;
            }
            double next = sum + sign * Math.exp(logTerm - shift);
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return new double[]{Math.signum(sum), shift + Math.log(Math.abs(sum))};
    }
}
