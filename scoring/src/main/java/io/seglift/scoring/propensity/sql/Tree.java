package io.seglift.scoring.propensity.sql;

/**
 * One regression tree of an XGBoost model, as in its JSON: node {@code i} is a leaf when {@code left[i] == -1}, its
 * value then in {@code condition[i]}; otherwise rows with {@code (float) x[feature[i]] < condition[i]} go left, missing
 * values go left when {@code defaultLeft[i]}.
 */
public record Tree(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {

    public boolean isLeaf(int node) {
        return left[node] == -1;
    }

    /** The leaf value reached by one row (NaN = missing), as XGBoost walks it. */
    public float leaf(double[] row) {
        int n = 0;
        while (!isLeaf(n)) {
            double v = row[feature[n]];
            if (Double.isNaN(v)) {
                n = defaultLeft[n] ? left[n] : right[n];
            } else {
                n = (float) v < condition[n] ? left[n] : right[n];
            }
        }
        return condition[n];
    }
}
