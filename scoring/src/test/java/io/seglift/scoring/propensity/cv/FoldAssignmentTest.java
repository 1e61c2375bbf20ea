package io.seglift.scoring.propensity.cv;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldAssignmentTest {
    private static List<String> keys(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("K" + i);
        }
        return keys;
    }

    private static float[] labels(int n, int positiveEvery) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % positiveEvery == 0 ? 1f : 0f;
        }
        return y;
    }

    @Test
    void foldsAreStratifiedAndBalanced() {
        int n = 1003;
        float[] y = labels(n, 4);
        int[] folds = FoldAssignment.assign(keys(n), y, 5, "s");
        int[] rows = new int[5];
        int[] positives = new int[5];
        for (int i = 0; i < n; i++) {
            rows[folds[i]]++;
            positives[folds[i]] += y[i] > 0.5f ? 1 : 0;
        }
        int totalPositives = 251;
        for (int f = 0; f < 5; f++) {
            assertThat(positives[f]).as("positives in fold " + f).isBetween(totalPositives / 5, totalPositives / 5 + 1);
            assertThat(rows[f]).as("rows in fold " + f).isBetween(n / 5 - 1, n / 5 + 2);
        }
    }

    @Test
    void aCustomersFoldDependsOnItsKeyNotOnRowOrder() {
        int n = 400;
        List<String> keys = keys(n);
        float[] y = labels(n, 3);
        int[] folds = FoldAssignment.assign(keys, y, 4, "s");

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(1));
        List<String> shuffledKeys = new ArrayList<>();
        float[] shuffledY = new float[n];
        for (int i = 0; i < n; i++) {
            shuffledKeys.add(keys.get(order.get(i)));
            shuffledY[i] = y[order.get(i)];
        }
        int[] shuffled = FoldAssignment.assign(shuffledKeys, shuffledY, 4, "s");
        for (int i = 0; i < n; i++) {
            assertThat(shuffled[i]).as(shuffledKeys.get(i)).isEqualTo(folds[order.get(i)]);
        }
        assertThat(FoldAssignment.assign(keys, y, 4, "s")).isEqualTo(folds);
        assertThat(FoldAssignment.assign(keys, y, 4, "other salt")).isNotEqualTo(folds);
    }

    @Test
    void foldsAreNotTheRowPositions() {
        int[] folds = FoldAssignment.assign(keys(200), labels(200, 7), 2, "s");
        long byPosition = java.util.stream.IntStream.range(0, 200).filter(i -> folds[i] == i % 2).count();
        assertThat(byPosition).isBetween(60L, 140L);
    }

    @Test
    void refusesTooFewRowsOfAClassAndFewerThanTwoFolds() {
        assertThatThrownBy(() -> FoldAssignment.assign(keys(10), labels(10, 5), 3, "s"))
                .hasMessageContaining("only 2 positive rows, fewer than the folds");
        assertThatThrownBy(() -> FoldAssignment.assign(keys(10), labels(10, 2), 1, "s"))
                .hasMessageContaining("at least 2 folds");
    }

    @Test
    void rowsSelectsAFoldOrTheRest() {
        int[] folds = {0, 1, 2, 1, 0};
        assertThat(FoldAssignment.rows(folds, 1, true)).containsExactly(1, 3);
        assertThat(FoldAssignment.rows(folds, 1, false)).containsExactly(0, 2, 4);
    }
}
