package io.seglift.measure;

/** The standard normal distribution: CDF (Marsaglia's series, absolute error about 1e-15) and quantile. */
public final class Normal {
    private static final double LOG_SQRT_2PI = 0.91893853320467274178;

    private Normal() {
    }

    public static double pdf(double x) {
        return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    }

    /** P(Z &le; x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < -37) return 0;
        if (x > 37) return 1;
        if (x < -5) {
            return tail(-x);
        }
        if (x > 5) {
            return 1 - tail(x);
        }
        double s = x;
        double t = 0;
        double b = x;
        double q = x * x;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
    }

    /** P(Z &gt; x) for x &gt; 5 by the Laplace continued fraction, accurate in relative terms far into the tail. */
    private static double tail(double x) {
        double f = x;
        for (int k = 60; k >= 1; k--) {
            f = x + k / f;
        }
        return pdf(x) / f;
    }

    /** The p-quantile, 0 &lt; p &lt; 1: Acklam's approximation refined by one Halley step (relative error ~1e-15). */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) return Double.NEGATIVE_INFINITY;
            if (p == 1) return Double.POSITIVE_INFINITY;
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double plow = 0.02425;
        double x;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - plow) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double e = (p < 0.5 ? cdf(x) - p : -((1 - cdf(x)) - (1 - p)));
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }
}
