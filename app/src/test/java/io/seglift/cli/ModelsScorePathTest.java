package io.seglift.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift models score --path}: auto by default, explained in --help, unknown values refused. */
class ModelsScorePathTest {

    @Test
    void helpExplainsTheAutomaticChoice() {
        CliRun help = CliRun.run(CliRun.session(), "models", "score", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("auto (jvm on an embedded engine, sql on a remote warehouse)")
                .contains("(default: auto)");
    }

    @Test
    void anUnknownPathNamesTheAllowedOnes() {
        CliRun r = CliRun.run(CliRun.session(), "models", "score", "--path", "gpu");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--path: 'gpu' (allowed: auto, sql, jvm)");
    }
}
