package io.seglift.scoring.clusters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilhouetteTest {
    @Test
    void matchesHandComputedValuesOnALine() {
        // points 0, 1 | 4, 6 on a line.
        // p0: a = 1, b = (4+6)/2 = 5, s = 0.8;  p1: a = 1, b = (3+5)/2 = 4, s = 0.75
        // p4: a = 2, b = (4+3)/2 = 3.5, s = 1.5/3.5;  p6: a = 2, b = (6+5)/2 = 5.5, s = 3.5/5.5
        double[][] points = {{0}, {1}, {4}, {6}};
        double expected = (0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4;
        assertThat(Silhouette.mean(points, new int[] {0, 0, 1, 1}, 2)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aPointAloneInItsClusterScoresZero() {
        // p0 alone: 0; p1: a = 1, b = 1, s = 0; p2: a = 1, b = 2, s = 0.5
        double[][] points = {{0}, {1}, {2}};
        assertThat(Silhouette.mean(points, new int[] {0, 1, 1}, 2)).isCloseTo(0.5 / 3, within(1e-12));
    }
}
