package io.seglift.scoring.propensity.cv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stratified folds that depend only on the keys, the labels, k and a salt: within each class the rows are ordered by
 * SHA-256 of {@code salt + ":" + key} (ties by key) and dealt to folds 0..k-1 in turn. So every fold holds the same
 * share of positives (within one row), and a customer stays in its fold whatever the row order or the other rows'
 * features.
 */
public final class FoldAssignment {
    private FoldAssignment() {
    }

    /**
     * The fold (0..k-1) of each row.
     *
     * @throws IllegalArgumentException when k is below 2 or a class has fewer than k rows (a fold without positives
     *                                  has no AUC)
     */
    public static int[] assign(List<String> keys, float[] labels, int k, String salt) {
        if (keys.size() != labels.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + labels.length + " labels");
        }
        if (k < 2) {
            throw new IllegalArgumentException("--cv " + k + ": at least 2 folds");
        }
        int[] folds = new int[keys.size()];
        for (boolean positive : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if ((labels[i] > 0.5f) == positive) {
                    rows.add(i);
                }
            }
            if (rows.size() < k) {
                throw new IllegalArgumentException("--cv " + k + ": only " + rows.size() + " "
                        + (positive ? "positive" : "negative") + " rows, fewer than the folds (each fold needs both"
                        + " classes)");
            }
            long[] hash = new long[labels.length];
            rows.forEach(i -> hash[i] = hash(salt, keys.get(i)));
            rows.sort(Comparator.<Integer>comparingLong(i -> hash[i]).thenComparing(keys::get));
            for (int rank = 0; rank < rows.size(); rank++) {
                folds[rows.get(rank)] = rank % k;
            }
        }
        return folds;
    }

    /** Row indexes whose fold is (or, with {@code in} false, is not) {@code fold}. */
    public static int[] rows(int[] folds, int fold, boolean in) {
        int n = 0;
        for (int f : folds) {
            n += (f == fold) == in ? 1 : 0;
        }
        int[] out = new int[n];
        int at = 0;
        for (int i = 0; i < folds.length; i++) {
            if ((folds[i] == fold) == in) {
                out[at++] = i;
            }
        }
        return out;
    }

    private static long hash(String salt, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
