package io.seglift.scoring.propensity.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Metrics of predictions {@code p} (probabilities) against labels {@code y} (0 or 1), implemented here so their
 * definitions are visible and tested: AUC-ROC by the rank statistic with tied predictions sharing their average
 * rank; PR-AUC as average precision (sum over positives, in descending prediction order, of the precision at that
 * positive; tied predictions enter as one step); log loss; Brier score; calibration and gains tables.
 */
public final class BinaryMetrics {
    private static final double EPS = 1e-15;

    private BinaryMetrics() {
    }

    /** All metrics at once. */
    public static ValidationReport report(double[] p, float[] y) {
        check(p, y);
        long pos = 0;
        for (float v : y) {
            pos += v > 0.5f ? 1 : 0;
        }
        return new ValidationReport(p.length, pos, aucRoc(p, y), prAuc(p, y), logLoss(p, y), brier(p, y),
                calibration(p, y, 10), gains(p, y), List.of());
    }

    private static void check(double[] p, float[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("need as many predictions as labels, at least one (got " + p.length
                    + " and " + y.length + ")");
        }
    }

    private static Integer[] ascending(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
        return idx;
    }

    /** Area under the ROC curve; NaN when only one class is present. */
    public static double aucRoc(double[] p, float[] y) {
        check(p, y);
        Integer[] idx = ascending(p);
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] > 0.5f) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = p.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision; NaN without positives. */
    public static double prAuc(double[] p, float[] y) {
        check(p, y);
        Integer[] idx = ascending(p);
        long totalPos = 0;
        for (float v : y) {
            totalPos += v > 0.5f ? 1 : 0;
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = idx.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && p[idx[j - 1]] == p[idx[i]]) {
                j--;
            }
            long groupPos = 0;
            for (int k = j; k <= i; k++) {
                groupPos += y[idx[k]] > 0.5f ? 1 : 0;
            }
            tp += groupPos;
            seen += i - j + 1;
            ap += groupPos * ((double) tp / seen);
            i = j - 1;
        }
        return ap / totalPos;
    }

    public static double logLoss(double[] p, float[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
            sum += y[i] > 0.5f ? -Math.log(q) : -Math.log(1 - q);
        }
        return sum / p.length;
    }

    public static double brier(double[] p, float[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - (y[i] > 0.5f ? 1 : 0);
            sum += e * e;
        }
        return sum / p.length;
    }

    /** {@code bins} equal-width bins over [0, 1]. */
    public static List<CalibrationBin> calibration(double[] p, float[] y, int bins) {
        check(p, y);
        long[] n = new long[bins];
        double[] sumP = new double[bins];
        long[] pos = new long[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(p[i] * bins)));
            n[b]++;
            sumP[b] += p[i];
            pos[b] += y[i] > 0.5f ? 1 : 0;
        }
        List<CalibrationBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, n[b],
                    n[b] == 0 ? Double.NaN : sumP[b] / n[b], n[b] == 0 ? Double.NaN : (double) pos[b] / n[b]));
        }
        return out;
    }

    /**
     * Rows sorted by prediction descending (ties in input order) and cut into ten groups as equal as possible (the
     * first {@code n % 10} groups one row larger, like SQL {@code NTILE(10)}); decile 10 is the top group.
     */
    public static List<DecileGain> gains(double[] p, float[] y) {
        check(p, y);
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
        long totalPos = 0;
        for (float v : y) {
            totalPos += v > 0.5f ? 1 : 0;
        }
        double baseRate = (double) totalPos / p.length;
        List<DecileGain> out = new ArrayList<>(10);
        int start = 0;
        long cumPos = 0;
        for (int g = 0; g < 10; g++) {
            int size = p.length / 10 + (g < p.length % 10 ? 1 : 0);
            long gp = 0;
            for (int k = start; k < start + size; k++) {
                gp += y[idx[k]] > 0.5f ? 1 : 0;
            }
            start += size;
            cumPos += gp;
            double rate = size == 0 ? Double.NaN : (double) gp / size;
            out.add(new DecileGain(10 - g, size, gp, rate, baseRate == 0 ? Double.NaN : rate / baseRate,
                    totalPos == 0 ? Double.NaN : (double) cumPos / totalPos));
        }
        return out;
    }
}
