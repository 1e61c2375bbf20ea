package io.seglift.demo;

import java.util.SplittableRandom;

/** Draws from the distributions the demo model uses. Pure functions of the given random source. */
final class Sampling {
    private Sampling() {
    }

    /** Gamma(shape, scale) by Marsaglia and Tsang; shapes below 1 use the boost {@code G(a+1) * U^(1/a)}. */
    static double gamma(SplittableRandom rnd, double shape, double scale) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, shape + 1, scale) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }

    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a, 1);
        double y = gamma(rnd, b, 1);
        return x / (x + y);
    }

    static double normal(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A log-normal multiplier with mean 1 and log-scale standard deviation {@code sigma}. */
    static double lognormalUnitMean(SplittableRandom rnd, double sigma) {
        return Math.exp(sigma * normal(rnd) - sigma * sigma / 2);
    }

    static double exponential(SplittableRandom rnd, double rate) {
        return -Math.log(1 - rnd.nextDouble()) / rate;
    }

    /** A Dirichlet draw with the given concentrations. */
    static double[] dirichlet(SplittableRandom rnd, double[] alpha) {
        double[] out = new double[alpha.length];
        double sum = 0;
        for (int i = 0; i < alpha.length; i++) {
            out[i] = gamma(rnd, alpha[i], 1);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Index drawn with the given probabilities (summing to 1). */
    static int choose(SplittableRandom rnd, double[] probabilities) {
        double u = rnd.nextDouble();
        double acc = 0;
        for (int i = 0; i < probabilities.length; i++) {
            acc += probabilities[i];
            if (u < acc) return i;
        }
        return probabilities.length - 1;
    }

    /** A 64-bit mix of the seed and an index, so every customer has its own independent, reproducible stream. */
    static long streamSeed(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
