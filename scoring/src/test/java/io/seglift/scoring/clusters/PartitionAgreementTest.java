package io.seglift.scoring.clusters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartitionAgreementTest {
    @Test
    void identicalPartitionsUpToRelabellingHaveAriOne() {
        assertThat(PartitionAgreement.adjustedRand(new int[] {0, 0, 1, 1, 2, 2}, new int[] {2, 2, 0, 0, 1, 1}))
                .isEqualTo(1.0);
    }

    @Test
    void ariMatchesAHandComputedContingencyTable() {
        // a = {0,0,0,1,1,1}, b = {0,0,1,1,2,2}: cells 2,1,1,2 -> sum C(n,2) = 1+0+0+1 = 2;
        // rows C(3,2)*2 = 6; cols C(2,2)*3 = 3; expected = 6*3/15 = 1.2; max = 4.5; ARI = 0.8/3.3
        double ari = PartitionAgreement.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(ari).isCloseTo(0.8 / 3.3, within(1e-12));
    }

    @Test
    void ariIsNegativeForWorseThanChance() {
        // a = {0,0,1,1}, b = {0,1,0,1}: index 0, rows 2, cols 2, expected 4/6, max 2 -> -(2/3)/(4/3) = -0.5
        assertThat(PartitionAgreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void jaccardIsIntersectionOverUnion() {
        int[] a = {0, 0, 0, 1, 1};
        int[] b = {0, 0, 1, 1, 1};
        assertThat(PartitionAgreement.jaccard(a, 0, b, 0)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(PartitionAgreement.jaccard(a, 1, b, 1)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(PartitionAgreement.bestJaccard(a, 2, b, 2)).containsExactly(2 / 3.0, 2 / 3.0);
    }
}
