package io.seglift.scoring.clusters;

/**
 * How far two partitions of the same points agree: the adjusted Rand index (Hubert &amp; Arabie 1985) and the Jaccard
 * similarity of two clusters (Hennig 2007). Labels are any non-negative integers.
 */
public final class PartitionAgreement {
    private PartitionAgreement() {
    }

    /** The adjusted Rand index of {@code a} and {@code b}: 1 for identical partitions, about 0 for chance agreement. */
    public static double adjustedRand(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("partitions of different sizes: " + a.length + " and " + b.length);
        }
        int ka = max(a) + 1;
        int kb = max(b) + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long n : row) {
                index += pairs(n);
            }
        }
        double sumRows = 0;
        for (long n : rows) {
            sumRows += pairs(n);
        }
        double sumCols = 0;
        for (long n : cols) {
            sumCols += pairs(n);
        }
        double expected = sumRows * sumCols / pairs(a.length);
        double maximum = (sumRows + sumCols) / 2;
        if (maximum == expected) {
            return 1.0;
        }
        return (index - expected) / (maximum - expected);
    }

    /**
     * Jaccard similarity of cluster {@code ca} of {@code a} and cluster {@code cb} of {@code b}: points in both over
     * points in either; 0 when both are empty.
     */
    public static double jaccard(int[] a, int ca, int[] b, int cb) {
        long both = 0;
        long either = 0;
        for (int i = 0; i < a.length; i++) {
            boolean inA = a[i] == ca;
            boolean inB = b[i] == cb;
            if (inA && inB) {
                both++;
            }
            if (inA || inB) {
                either++;
            }
        }
        return either == 0 ? 0 : both / (double) either;
    }

    /** For each cluster of {@code reference}, the best Jaccard similarity with any cluster of {@code other}. */
    public static double[] bestJaccard(int[] reference, int k, int[] other, int otherK) {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            for (int o = 0; o < otherK; o++) {
                out[c] = Math.max(out[c], jaccard(reference, c, other, o));
            }
        }
        return out;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    private static int max(int[] labels) {
        int m = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("negative label " + l);
            }
            m = Math.max(m, l);
        }
        return m;
    }
}
