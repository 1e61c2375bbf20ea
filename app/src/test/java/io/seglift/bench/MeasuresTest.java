package io.seglift.bench;

import io.seglift.spi.destination.Destinations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasuresTest {
    private final List<Measure> all = Measures.all(new Destinations(List.of()));

    @Test
    void everyMeasureOfTheIssueIsThereInRunOrder() {
        assertThat(all.stream().map(Measure::name)).containsExactly("rfm", "train", "score_sql", "score_sql_shape",
                "score_default", "rescore", "plan", "cold_start");
    }

    @Test
    void onlyKeepsTheNamedMeasuresInRunOrder() {
        assertThat(Measures.select(all, List.of("PLAN", " rfm")).stream().map(Measure::name))
                .containsExactly("rfm", "plan");
        assertThat(Measures.select(all, List.of())).isEqualTo(all);
    }

    @Test
    void onlyRefusesAnUnknownMeasureAndNamesTheAllowedOnes() {
        assertThatThrownBy(() -> Measures.select(all, List.of("rfm", "sync")))
                .hasMessageContaining("'sync'").hasMessageContaining("cold_start");
    }
}
