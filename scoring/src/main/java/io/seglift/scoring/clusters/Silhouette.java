package io.seglift.scoring.clusters;

/**
 * The mean silhouette width (Rousseeuw 1987) of a partition, with Euclidean distance. A point alone in its cluster
 * scores 0. Quadratic in the points, so callers pass a sample.
 */
public final class Silhouette {
    private Silhouette() {
    }

    /** Mean silhouette of {@code points} labelled {@code labels} in {@code 0..k-1}. */
    public static double mean(double[][] points, int[] labels, int k) {
        int n = points.length;
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[labels[j]] += Math.sqrt(Centroids.squaredDistance(points[i], points[j]));
                }
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sum[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sum[c] / sizes[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                continue;
            }
            double s = Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
            total += s;
        }
        return n == 0 ? 0 : total / n;
    }
}
