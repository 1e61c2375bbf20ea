package io.seglift.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementTest {

    @Test
    void jsonHasTheFourRequiredKeysFirstThenRowsAndTarget() {
        var json = new Measurement("rfm", 3.8234, 2.8201, 1000, "<= 1.1").json();

        assertThat(json.keySet()).containsExactly("measure", "seglift_seconds", "baseline_seconds", "ratio", "rows",
                "target");
        assertThat(json.get("seglift_seconds")).isEqualTo(3.823);
        assertThat(json.get("baseline_seconds")).isEqualTo(2.82);
        assertThat(json.get("ratio")).isEqualTo(1.356);
    }

    @Test
    void ratioIsNullInJsonWhenTheBaselineTookNoTime() {
        assertThat(new Measurement("x", 1, 0, 0, "").json().get("ratio")).isNull();
    }

    @Test
    void tableShowsEachMeasureWithItsRatio() {
        String table = BenchTable.render(java.util.List.of(new Measurement("plan", 3.0, 2.0, 10, "<= 1.2")));

        assertThat(table).contains("MEASURE").contains("plan").contains("1.50").contains("<= 1.2");
    }
}
