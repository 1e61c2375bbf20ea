package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SegliftTables;
import io.seglift.demo.CampaignCyclesStage;
import io.seglift.demo.DemoSpec;
import io.seglift.demo.DemoStages;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seglift demo} on 2,000 customers (the CI smoke size) runs {@link DemoStages#DEFAULT_CYCLES} monthly campaign
 * cycles: the report then compares several builds, cohorts and scorings, customers enter and leave segments, and no
 * customer's holdout arm ever changes between cycles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiCycleDemoTest {
    private static final LocalDate DATA_AS_OF = DemoSpec.DEFAULT_AS_OF;

    private Path dir;
    private CliRun demo;
    private String report;

    @BeforeAll
    void runDemo(@TempDir Path tmp) throws Exception {
        dir = tmp.resolve("demo");
        demo = CliRun.run(CliRun.session(), "demo", dir.toString(), "--customers", "2000");
        Path html = dir.resolve("seglift-report.html");
        report = Files.isRegularFile(html) ? Files.readString(html) : "";
    }

    @Test
    void everyCycleRanAndTheReportComparesSeveralBuilds() {
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("campaign cycles", "cycle " + DemoStages.DEFAULT_CYCLES + " as of "
                + CampaignCyclesStage.cycleDate(DATA_AS_OF, DemoStages.DEFAULT_CYCLES - 1));
        String cycles = demo.out().lines().filter(l -> l.contains("campaign cycles")).findFirst().orElse("");
        assertThat(cycles).as("no sync of a cycle is refused by the mass-change guard").doesNotContain("refused");
        assertThat(report).contains("Stability between builds", "Lift by cohort")
                .doesNotContain("One build so far");
    }

    @Test
    void eachSyncedSegmentHasACohortPerCycle() {
        try (Warehouse w = warehouse()) {
            Dialect d = w.dialect();
            List<String> segments = w.queryList("SELECT segment, " + d.castBigint("COUNT(DISTINCT "
                            + d.castDate("first_assigned") + ")") + " AS cohorts FROM "
                            + d.table(w.own(SegliftTables.HOLDOUT_ASSIGNMENTS)) + " GROUP BY segment ORDER BY segment",
                    List.of(), r -> r.string("segment") + "=" + r.longValue("cohorts"));
            assertThat(segments).contains("champions_vip=4", "lapsed_reengage=4", "at_risk_winback=4");
        }
        Matcher cohortRows = Pattern.compile("<tr><td>(\\d{4}-\\d{2}-\\d{2}) <span").matcher(report);
        long rows = cohortRows.results().map(m -> m.group(1)).distinct().count();
        assertThat(rows).as("distinct cohort dates in the report's cohort tables").isGreaterThan(1);
    }

    @Test
    void customersEnterAndLeaveSegmentsBetweenBuilds() {
        try (Warehouse w = warehouse()) {
            Dialect d = w.dialect();
            String builds = d.table(w.own(SegliftTables.SEGMENT_BUILDS));
            assertThat(w.queryLong("SELECT " + d.castBigint("COUNT(DISTINCT as_of)") + " FROM " + builds))
                    .isEqualTo(DemoStages.DEFAULT_CYCLES);
            assertThat(w.queryLong("SELECT " + d.castBigint("COALESCE(SUM(entered), 0)") + " FROM " + builds
                    + " WHERE as_of > " + d.dateLiteral(DATA_AS_OF))).isPositive();
            assertThat(w.queryLong("SELECT " + d.castBigint("COALESCE(SUM(exited), 0)") + " FROM " + builds
                    + " WHERE as_of > " + d.dateLiteral(DATA_AS_OF))).isPositive();
        }
    }

    @Test
    void aCustomersHoldoutArmNeverChangesAcrossCycles() {
        try (Warehouse w = warehouse()) {
            Dialect d = w.dialect();
            String members = d.table(w.own(SegliftTables.SEGMENT_MEMBERS));
            long inSeveralBuilds = w.queryLong("SELECT count(*) FROM (SELECT segment, customer_key FROM " + members
                    + " GROUP BY segment, customer_key HAVING COUNT(DISTINCT as_of) > 1) x");
            long heldOutInSeveral = w.queryLong("SELECT count(*) FROM (SELECT segment, customer_key FROM " + members
                    + " WHERE arm = 'holdout' GROUP BY segment, customer_key HAVING COUNT(DISTINCT as_of) > 1) x");
            assertThat(inSeveralBuilds).isPositive();
            assertThat(heldOutInSeveral).isPositive();
            assertThat(w.queryLong("SELECT count(*) FROM (SELECT segment, customer_key FROM " + members
                    + " GROUP BY segment, customer_key HAVING COUNT(DISTINCT arm) > 1) x"))
                    .as("customers whose arm changed between builds").isZero();
            assertThat(w.queryLong("SELECT count(*) FROM " + members + " m JOIN "
                    + d.table(w.own(SegliftTables.HOLDOUT_ASSIGNMENTS)) + " a ON a.segment = m.segment AND "
                    + d.castText("a.customer_key") + " = " + d.castText("m.customer_key") + " WHERE a.arm <> m.arm"))
                    .as("build members whose arm differs from their first assignment").isZero();
        }
    }

    @Test
    void modelsAreTrainedOnceAndScoredEveryCycle() {
        try (Warehouse w = warehouse()) {
            Dialect d = w.dialect();
            String scores = d.table(w.own(SegliftTables.MODEL_SCORES));
            assertThat(w.queryLong("SELECT " + d.castBigint("COUNT(DISTINCT as_of)") + " FROM " + scores))
                    .isEqualTo(DemoStages.DEFAULT_CYCLES);
            assertThat(w.queryLong("SELECT " + d.castBigint("COUNT(DISTINCT model_id)") + " FROM " + scores))
                    .as("one trained model per declared model").isEqualTo(2);
        }
        assertThat(report).contains("Scored on " + CampaignCyclesStage.cycleDate(DATA_AS_OF,
                DemoStages.DEFAULT_CYCLES - 1));
    }

    private Warehouse warehouse() {
        Session session = CliRun.session();
        GlobalOptions options = new GlobalOptions();
        options.project = dir.resolve("seglift.yaml");
        ProjectConfig project = session.project(options);
        return session.openWarehouse(project);
    }
}
