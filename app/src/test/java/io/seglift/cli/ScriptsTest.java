package io.seglift.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher, the CI script and the new-connector scripts are valid bash and executable. */
class ScriptsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void launcherAndCiScriptParse() throws Exception {
        for (Path script : new Path[]{ROOT.resolve("seglift"), ROOT.resolve(".ci/run"),
                ROOT.resolve("scripts/new-destination.sh"), ROOT.resolve("scripts/new-warehouse.sh")}) {
            assertThat(script).isRegularFile();
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(script + ": " + output).isZero();
        }
        Process lib = new ProcessBuilder("bash", "-n", ROOT.resolve("scripts/lib/throwaway-copy.sh").toString())
                .redirectErrorStream(true).start();
        assertThat(lib.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lib.exitValue()).isZero();
    }

    @Test
    void ciRunsTheReadmeTestCommandAndTheAcceptanceSuite() throws Exception {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci).contains("set -euo pipefail").contains("mvn -B verify\n").contains("mvn -B verify -Pacceptance");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("mvn -B verify").contains("./seglift demo");
    }
}
