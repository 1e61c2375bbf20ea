package io.seglift.scoring.propensity.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, stratified sample of validation rows for early stopping's per-round log loss: each class keeps its share
 * of the rows, the rows keep their key order, and the same matrix always gives the same sample. A matrix within the
 * cap is returned as it is.
 */
final class ValidationSample {
    private ValidationSample() {
    }

    /** At most about {@code cap} rows of {@code m}, each class in proportion, drawn with {@code seed}. */
    static LabeledMatrix stratified(LabeledMatrix m, int cap, long seed) {
        if (m.rows() <= cap) {
            return m;
        }
        int positives = Math.toIntExact(m.positives());
        int negatives = m.rows() - positives;
        int keepPositives = Math.max(positives == 0 ? 0 : 1, (int) Math.round((double) positives * cap / m.rows()));
        int keepNegatives = Math.max(negatives == 0 ? 0 : 1, cap - keepPositives);
        int[] pos = new int[positives];
        int[] neg = new int[negatives];
        int p = 0;
        int n = 0;
        for (int i = 0; i < m.rows(); i++) {
            if (m.y()[i] > 0.5f) {
                pos[p++] = i;
            } else {
                neg[n++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] kept = new int[keepPositives + keepNegatives];
        System.arraycopy(draw(pos, keepPositives, random), 0, kept, 0, keepPositives);
        System.arraycopy(draw(neg, keepNegatives, random), 0, kept, keepPositives, keepNegatives);
        Arrays.sort(kept);
        return m.select(kept);
    }

    /** The first {@code k} of a partial Fisher-Yates shuffle of {@code rows} (which it reorders). */
    private static int[] draw(int[] rows, int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(rows.length - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        return Arrays.copyOf(rows, k);
    }
}
