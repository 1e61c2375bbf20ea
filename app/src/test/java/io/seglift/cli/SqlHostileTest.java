package io.seglift.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 row 1: hostile statements through {@code seglift sql} on a demo project are refused with exit 2 and change
 * nothing. Before the engine guard, the first one exited 0 and deleted every suppression.
 */
class SqlHostileTest {
    @TempDir
    static Path tmp;
    private static Path dir;
    private static Path project;

    @BeforeAll
    static void init() {
        dir = tmp.resolve("demo");
        CliRun r = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "300", "--seed", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        project = dir.resolve("seglift.yaml");
    }

    private static String count(String table) {
        CliRun r = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM " + table);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select E'\\'' ; delete from raw.suppressions; select 1 --'",
            "select $$ ' $$; delete from raw.suppressions; select 1 --",
            "select $t$ ' $t$; delete from raw.suppressions; select 1 --",
            "select 1 /* /* */ ; delete from raw.suppressions; select 1 /* */",
            "select 'a;b'; update raw.suppressions set reason = 'x'",
            "SELECT * FROM read_text('demo.env')",
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM glob('/root/**')",
            "SELECT * FROM E'\\'' ; COPY raw.suppressions TO 'leak.csv'; select 1 --'",
            "select E'\\''; attach 'other.duckdb' as o; select 1 --'",
            "select E'\\''; install httpfs; select 1 --'",
    })
    void hostileStatementsAreRefusedAndChangeNothing(String sql) {
        String before = count("raw.suppressions");
        CliRun r = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), sql);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("refused");
        assertThat(count("raw.suppressions")).isEqualTo(before).isNotEqualTo("n\r\n0");
        assertThat(Files.exists(dir.resolve("leak.csv"))).isFalse();
        assertThat(Files.exists(dir.resolve("other.duckdb"))).isFalse();
    }
}
