package io.seglift.scoring.clusters;

import java.util.Arrays;

/**
 * The centroids of a fit in standardised units, cluster {@code i} at index {@code i}. A point belongs to its nearest
 * centroid by squared Euclidean distance, the lowest index on ties: the same rule as {@link AssignmentSql}.
 */
public record Centroids(double[][] centres) {
    public Centroids {
        centres = Arrays.stream(centres).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of clusters. */
    public int k() {
        return centres.length;
    }

    /** Centroid {@code i}, a copy. */
    public double[] centre(int i) {
        return centres[i].clone();
    }

    /** The index of the centroid nearest {@code point}. */
    public int nearest(double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double dist = squaredDistance(point, centres[c]);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    /** The nearest centroid of every point. */
    public int[] assign(double[][] points) {
        int[] out = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = nearest(points[i]);
        }
        return out;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            s += diff * diff;
        }
        return s;
    }
}
