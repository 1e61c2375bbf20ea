package io.seglift.scoring.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for {@code 0 <= z < 1}, summed as its power series until a
 * term no longer changes the sum. BG/NBD's conditional expectation calls it with {@code z = t / (alpha + T + t) < 1}.
 */
public final class Hypergeometric {
    static final int MAX_TERMS = 100_000;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
        return sum;
    }
}
