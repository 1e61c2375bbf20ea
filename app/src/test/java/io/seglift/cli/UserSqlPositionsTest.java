package io.seglift.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken user SQL in the project file (issue 11 row 12): {@code validate} and every command that runs the fragment
 * exit 2 naming the file, line and YAML path, never exit 1 with the engine's dump; an email in the fragment is not
 * echoed.
 */
class UserSqlPositionsTest {
    private static final String EMAIL = "ann.probe@example.com";

    @TempDir
    static Path tmp;
    private static Path dir;
    private static String demo;

    @BeforeAll
    static void init() throws IOException {
        dir = tmp.resolve("shop");
        CliRun r = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "300", "--seed", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        demo = Files.readString(dir.resolve("seglift.yaml"));
    }

    /** The demo project with {@code from} replaced by {@code to}, written next to the demo's warehouse. */
    private static Path variant(String name, String from, String to) throws IOException {
        assertThat(demo).contains(from);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, demo.replace(from, to));
        return file;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    private static CliRun run(String... args) {
        return CliRun.run(CliRun.session(), args);
    }

    private static Path brokenCancelledWhen() throws IOException {
        return variant("broken-cancelled", "cancelled_when: \"status in ('cancelled', 'refunded')\"",
                "cancelled_when: \"status in ('cancelled', 'refunded') and no_such_col = '" + EMAIL + "'\"");
    }

    private static Path brokenRule() throws IOException {
        return variant("broken-rule", "rule: \"rfm_segment in ('New', 'Promising')\"",
                "rule: \"rfm_segment in ('New', 'Promising') and and '" + EMAIL + "'\"");
    }

    private static Path brokenField() throws IOException {
        return variant("broken-field", "seglift_churn_decile: churn_90d_decile",
                "seglift_churn_decile: churn_90d_decile + no_such_col");
    }

    @Test
    void validateReportsABrokenCancelledWhenAtItsLineAndPath() throws IOException {
        Path file = brokenCancelledWhen();
        CliRun r = run("validate", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains(file + ":" + lineOf(file, "cancelled_when") + ":")
                .contains("sources.orders.rules.cancelled_when: the warehouse refuses this SQL")
                .contains("no_such_col")
                .doesNotContain(EMAIL);
    }

    @Test
    void validateReportsEveryBrokenFragmentAtOnce() throws IOException {
        Path file = dir.resolve("broken-all.yaml");
        Files.writeString(file, Files.readString(brokenRule())
                .replace("seglift_churn_decile: churn_90d_decile", "seglift_churn_decile: churn_90d_decile + no_such_col"));
        CliRun r = run("validate", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains(file + ":" + lineOf(file, "and and") + ":")
                .contains("segments.new_customers_nurture.rule: the warehouse refuses this SQL")
                .contains(file + ":" + lineOf(file, "no_such_col") + ":")
                .contains("syncs[1].fields.seglift_churn_decile: the warehouse refuses this SQL")
                .contains("invalid, 2 problems")
                .doesNotContain(EMAIL);
    }

    @Test
    void validateOfTheDemoChecksItsSqlAndPasses() {
        CliRun r = run("validate", "--project", dir.resolve("seglift.yaml").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("not checked");
    }

    @Test
    void validateWarnsAndSkipsTheSqlWhenTheWarehouseDoesNotExistYet() throws IOException {
        Path file = variant("no-warehouse", "path: demo.duckdb", "path: not-created.duckdb");
        Files.writeString(file, Files.readString(file).replace("refunded')\"", "refunded') and no_such_col\""));
        CliRun r = run("validate", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("warning: warehouse: the warehouse file").contains("was not checked");
        assertThat(dir.resolve("not-created.duckdb")).doesNotExist();
    }

    @Test
    void scoreRfmWithABrokenCancelledWhenExitsTwoNamingTheLine() throws IOException {
        Path file = brokenCancelledWhen();
        CliRun r = run("score", "rfm", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains(file.getFileName() + ":" + lineOf(file, "cancelled_when") + ":")
                .contains("sources.orders.rules.cancelled_when")
                .doesNotContain(EMAIL)
                .doesNotContain("SEGLIFT_DEBUG");
    }

    @Test
    void auditWithABrokenCancelledWhenExitsTwoNamingTheLine() throws IOException {
        Path file = brokenCancelledWhen();
        CliRun r = run("audit", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains(file.getFileName() + ":" + lineOf(file, "cancelled_when") + ":")
                .contains("sources.orders.rules.cancelled_when");
    }

    @Test
    void segmentsBuildWithABrokenRuleExitsTwoNamingTheLine() throws IOException {
        Path file = brokenRule();
        CliRun r = run("segments", "build", "new_customers_nurture", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains(file.getFileName() + ":" + lineOf(file, "and and") + ":")
                .contains("segments.new_customers_nurture.rule")
                .doesNotContain(EMAIL);
    }

    @Test
    void planWithABrokenFieldExitsTwoNamingTheLine() throws IOException {
        CliRun built = run("segments", "build", "lapsed_reengage", "--project", dir.resolve("seglift.yaml").toString());
        assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
        Path file = brokenField();
        CliRun r = run("plan", "lapsed_to_hubspot", "--project", file.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains(file.getFileName() + ":" + lineOf(file, "no_such_col") + ":")
                .contains("syncs[1].fields.seglift_churn_decile");
    }
}
