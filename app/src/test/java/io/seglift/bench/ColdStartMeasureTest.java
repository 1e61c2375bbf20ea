package io.seglift.bench;

import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** The cold-start child gets the launcher's class path of short commands. */
class ColdStartMeasureTest {

    @Test
    void keepsSegliftJarsAndPicocliInTheirOrder() {
        String full = String.join(File.pathSeparator, "/d/lib/seglift-app-0.1.0-cli.jar", "/d/lib/picocli-4.7.6.jar",
                "/d/lib/seglift-spi-0.1.0.jar", "/d/lib/guava-33.5.0-jre.jar", "/d/lib/snowflake-jdbc-4.4.1.jar");

        assertThat(ColdStartMeasure.shortClassPath(full)).isEqualTo(String.join(File.pathSeparator,
                "/d/lib/seglift-app-0.1.0-cli.jar", "/d/lib/picocli-4.7.6.jar", "/d/lib/seglift-spi-0.1.0.jar"));
    }

    @Test
    void keepsAClassPathOfBuildFoldersWhole() {
        String folders = String.join(File.pathSeparator, "/r/app/target/classes", "/r/spi/target/classes");

        assertThat(ColdStartMeasure.shortClassPath(folders)).isEqualTo(folders);
    }

    @Test
    void startsTheChildAsTheLauncherStartsShortCommands() {
        assertThat(ColdStartMeasure.segliftHelp()).containsSubsequence("-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp").endsWith("io.seglift.cli.Main", "--help");
    }
}
