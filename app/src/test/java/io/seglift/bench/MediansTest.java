package io.seglift.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Medians.of(List.of(9.0, 1.0, 4.0))).isEqualTo(4.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Medians.of(List.of(8.0, 2.0, 4.0, 100.0))).isEqualTo(6.0);
    }

    @Test
    void noValuesHaveNoMedian() {
        assertThat(Medians.of(List.of())).isNaN();
    }

    @Test
    void ratioIsSegliftOverBaselineAndUndefinedForAZeroBaseline() {
        assertThat(Medians.ratio(3.0, 2.0)).isEqualTo(1.5);
        assertThat(Medians.ratio(3.0, 0.0)).isNaN();
    }
}
