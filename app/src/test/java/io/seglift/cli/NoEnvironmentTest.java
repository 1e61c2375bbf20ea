package io.seglift.cli;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo project without {@code demo.env}: commands that never touch a destination work; validate, plan and sync
 * name each unresolved reference with its line and exit 2.
 */
class NoEnvironmentTest {
    @TempDir
    static Path tmp;
    private static String project;

    @BeforeAll
    static void init() {
        Path dir = tmp.resolve("demo");
        CliRun r = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "300", "--seed", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        project = dir.resolve("seglift.yaml").toString();
    }

    private static Session bare() {
        return new Session(Warehouses.discover(), CliRun.destinations(), Map.of(), CliRun.CLOCK, Progress.NONE);
    }

    @Test
    void sqlSegmentsListAndAuditNeedNoDestinationSecrets() {
        CliRun sql = CliRun.run(bare(), "sql", "--project", project, "SELECT count(*) AS n FROM raw.customers");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("300");
        CliRun list = CliRun.run(bare(), "segments", "list", "--project", project);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("lapsed_reengage");
        CliRun audit = CliRun.run(bare(), "audit", "--project", project);
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("Recommendation");
        for (CliRun r : new CliRun[]{sql, list, audit}) {
            assertThat(r.err()).doesNotContain("environment variable");
        }
    }

    @Test
    void validateAndPlanNameEachUnresolvedReferenceWithItsLine() {
        CliRun validate = CliRun.run(bare(), "validate", "--project", project);
        assertThat(validate.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(validate.out()).containsPattern("seglift\\.yaml:\\d+:\\d+: destinations\\.hubspot_crm\\.token: "
                + "environment variable HUBSPOT_TOKEN is not set");
        CliRun plan = CliRun.run(bare(), "plan", "lapsed_to_hubspot", "--project", project);
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCode.INVALID);
        assertThat(plan.err()).contains("HUBSPOT_TOKEN").doesNotContain("KLAVIYO_API_KEY");
        CliRun sync = CliRun.run(bare(), "sync", "lapsed_to_hubspot", "--project", project);
        assertThat(sync.exitCode()).as(sync.err()).isEqualTo(ExitCode.INVALID);
        assertThat(sync.err()).contains("HUBSPOT_TOKEN");
    }
}
