package io.seglift.bench;

import java.util.Arrays;
import java.util.List;

/** The median of repeated timings, and the ratio of two medians. */
public final class Medians {
    private Medians() {
    }

    /** The middle value (the mean of the two middle values for an even count); NaN for none. */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** Seglift time over baseline time; NaN when the baseline took no measurable time. */
    public static double ratio(double seglift, double baseline) {
        return baseline > 0 ? seglift / baseline : Double.NaN;
    }
}
