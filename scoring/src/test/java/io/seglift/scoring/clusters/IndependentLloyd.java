package io.seglift.scoring.clusters;

import java.util.Random;

/**
 * A plain Lloyd's k-means written independently of Commons Math, for comparison: random distinct points as the
 * initial centres, iterate to a fixed point, keep the restart with the smallest within-cluster sum of squares.
 */
final class IndependentLloyd {
    private IndependentLloyd() {
    }

    static double[][] fit(double[][] x, int k, int restarts, long seed) {
        Random r = new Random(seed);
        double[][] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int t = 0; t < restarts; t++) {
            double[][] c = new double[k][];
            for (int j = 0; j < k; j++) {
                c[j] = x[r.nextInt(x.length)].clone();
            }
            int[] label = new int[x.length];
            for (int it = 0; it < 500; it++) {
                boolean changed = false;
                for (int i = 0; i < x.length; i++) {
                    int l = nearest(c, x[i]);
                    changed |= l != label[i] || it == 0;
                    label[i] = l;
                }
                double[][] sum = new double[k][x[0].length];
                int[] n = new int[k];
                for (int i = 0; i < x.length; i++) {
                    n[label[i]]++;
                    for (int f = 0; f < x[i].length; f++) {
                        sum[label[i]][f] += x[i][f];
                    }
                }
                for (int j = 0; j < k; j++) {
                    if (n[j] > 0) {
                        for (int f = 0; f < sum[j].length; f++) {
                            c[j][f] = sum[j][f] / n[j];
                        }
                    } else {
                        c[j] = x[r.nextInt(x.length)].clone();
                    }
                }
                if (!changed) {
                    break;
                }
            }
            double sse = 0;
            for (double[] p : x) {
                double[] centre = c[nearest(c, p)];
                for (int f = 0; f < p.length; f++) {
                    sse += (p[f] - centre[f]) * (p[f] - centre[f]);
                }
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = c;
            }
        }
        return best;
    }

    static int nearest(double[][] c, double[] p) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            double d = 0;
            for (int f = 0; f < p.length; f++) {
                d += (p[f] - c[j][f]) * (p[f] - c[j][f]);
            }
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    static int[] assign(double[][] c, double[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nearest(c, x[i]);
        }
        return out;
    }

    /** The largest distance from a centre of {@code a} to its nearest centre of {@code b}. */
    static double maxCentroidDistance(double[][] a, double[][] b) {
        double worst = 0;
        for (double[] p : a) {
            double d = Math.sqrt(Centroids.squaredDistance(p, b[nearest(b, p)]));
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
