package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift bench} through the CLI, on a small generated project. */
class BenchCommandTest {

    @Test
    void benchOfRfmAndPlanPrintsAJsonListWithTheRequiredKeys() throws Exception {
        CliRun r = CliRun.run(CliRun.session(), "bench", "--customers", "2000", "--repeats", "1", "--only", "rfm,plan",
                "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertThat(list.isArray()).isTrue();
        List<String> measures = new ArrayList<>();
        for (JsonNode o : list) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).startsWith("measure", "seglift_seconds", "baseline_seconds", "ratio");
            assertThat(o.get("seglift_seconds").asDouble()).isPositive();
            assertThat(o.get("baseline_seconds").asDouble()).isPositive();
            assertThat(o.get("ratio").asDouble()).isPositive();
            measures.add(o.get("measure").asText());
        }
        assertThat(measures).containsExactly("rfm", "plan");
        assertThat(r.err()).contains("bench: load average").contains("hand diff");
    }

    @Test
    void anUnknownMeasureIsAnInvalidArgument() {
        CliRun r = CliRun.run(CliRun.session(), "bench", "--customers", "2000", "--only", "rfm,nope");

        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--only").contains("'nope'");
    }

    @Test
    void chartWithoutScalingIsRefused() {
        CliRun r = CliRun.run(CliRun.session(), "bench", "--chart", "x.svg");

        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--chart needs --scaling");
    }
}
