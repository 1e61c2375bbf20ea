package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift score clusters} and the audit's clustering verdict on a generated demo project. */
class ClustersCommandTest {
    @TempDir
    static Path tmp;
    private static String project;

    @BeforeAll
    static void init() {
        Path dir = tmp.resolve("demo");
        CliRun r = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "3000", "--seed", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        project = dir.resolve("seglift.yaml").toString();
    }

    @Test
    void clustersTheDemoAndTheAuditAgrees() throws Exception {
        CliRun before = CliRun.run(CliRun.session(), "score", "clusters", "--project", project, "--format", "json");
        JsonNode thin = Json.MAPPER.readTree(before.out());
        assertThat(before.exitCode()).isEqualTo(ExitCode.NOT_READY);
        assertThat(thin.get("supported").asBoolean()).isFalse();
        assertThat(thin.get("refusals").get(0).asText()).contains("0 customers have every clustering feature");

        CliRun rfm = CliRun.run(CliRun.session(), "score", "rfm", "--project", project);
        assertThat(rfm.exitCode()).as(rfm.err()).isZero();
        CliRun run = CliRun.run(CliRun.session(), "score", "clusters", "--project", project, "--format", "json");
        System.out.println(run.out());
        JsonNode j = Json.MAPPER.readTree(run.out());
        assertThat(j.get("k").asInt()).isBetween(2, 8);
        assertThat(j.get("stability").get("jaccard")).hasSize(j.get("k").asInt());
        assertThat(j.get("clusters")).hasSize(j.get("k").asInt())
                .allSatisfy(c -> assertThat(c.get("description").asText()).isNotBlank());
        boolean supported = j.get("supported").asBoolean();
        assertThat(run.exitCode()).isEqualTo(supported ? ExitCode.OK : ExitCode.NOT_READY);
        assertThat(j.get("refusals").isEmpty()).isEqualTo(supported);
        long assigned = 0;
        for (JsonNode n : j.get("sizes")) {
            assigned += n.asLong();
        }
        assertThat(assigned).isEqualTo(supported ? j.get("customers").asLong() : 0);

        CliRun text = CliRun.run(CliRun.session(), "score", "clusters", "--project", project);
        assertThat(text.out()).contains("k = " + j.get("k").asInt()).contains("DESCRIPTION");

        CliRun audit = CliRun.run(CliRun.session(), "audit", "--project", project, "--format", "json");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        JsonNode methods = Json.MAPPER.readTree(audit.out()).get("methods");
        assertThat(methods).extracting(m -> m.get("method").asText())
                .containsExactly("rfm", "propensity", "clv", "clustering");
        assertThat(methods.get(3).get("supported").asBoolean()).isEqualTo(supported);
        assertThat(Json.MAPPER.readTree(audit.out()).has("recommendation")).isTrue();
    }
}
