package io.seglift.scoring.propensity.cv;

/** Mean and sample standard deviation (n - 1) of per-fold values. */
public final class FoldSummary {
    private FoldSummary() {
    }

    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation; 0 for a single value. */
    public static double std(double[] values) {
        if (values.length < 2) {
            return values.length == 1 ? 0 : Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
