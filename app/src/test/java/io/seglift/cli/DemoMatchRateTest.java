package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's Facebook sync runs against the Facebook sandbox, which answers Meta's {@code num_received} and {@code
 * num_invalid_entries}: {@code seglift runs}, {@code runs show} and its JSON show the match rate and the audience size.
 */
class DemoMatchRateTest {
    private static final String SYNC = "winback_to_facebook";

    @TempDir
    Path tmp;

    /** Enough customers for the audit to allow the churn model the Facebook segment's rule reads. */
    @Test
    void runsShowsTheMatchRateOfTheDemosFacebookSync() throws Exception {
        Path dir = tmp.resolve("demo");
        CliRun init = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "2500", "--seed", "5");
        assertThat(init.exitCode()).as(init.err()).isZero();
        CliRun demo = CliRun.run(CliRun.session(), "demo", dir.toString());
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).as("the demo's Facebook sync ran").containsPattern(SYNC + " (succeeded|partial)");
        assertThat(demo.err()).doesNotContain("could not read the size");
        String project = dir.resolve("seglift.yaml").toString();

        CliRun runs = CliRun.run(CliRun.session(), "runs", SYNC, "-p", project);
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        String header = runs.out().lines().findFirst().orElseThrow();
        String row = runs.out().lines().filter(l -> l.contains(SYNC)).findFirst().orElseThrow();
        assertThat(header).endsWith("MATCH");
        assertThat(row).as(runs.out()).matches(".*\\s\\d{1,3}\\.\\d%$");
        assertThat(runs.out()).contains("(received - invalid) / received");

        String runId = row.split("\\s+")[0];
        CliRun show = CliRun.run(CliRun.session(), "runs", "show", runId, "-p", project);
        assertThat(show.out()).as(show.err()).containsPattern("uploads: received \\d+, invalid entries \\d+, match rate")
                .containsPattern("audience size after the run: about \\d+");
        CliRun json = CliRun.run(CliRun.session(), "runs", "show", runId, "-p", project, "--format", "json");
        JsonNode run = Json.MAPPER.readTree(json.out()).get("run");
        assertThat(run.get("uploadReceived").asLong()).isPositive();
        assertThat(run.get("matchRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(run.get("audienceSizeUpper").asLong()).isPositive();
        assertThat(runs.out() + show.out() + json.out()).doesNotContain("@");
    }
}
