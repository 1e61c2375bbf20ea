package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.demo.DemoEnvironment;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** init, sql and load end to end on one small generated demo project. */
class DemoProjectCommandsTest {
    @TempDir
    static Path tmp;
    private static Path dir;
    private static Path project;

    @BeforeAll
    static void init() {
        dir = tmp.resolve("demo");
        CliRun r = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "800", "--seed", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        project = dir.resolve("seglift.yaml");
    }

    @Test
    void initWritesAProjectThatParsesAndADatabase() {
        assertThat(dir.resolve("demo.duckdb")).isRegularFile();
        assertThat(dir.resolve(DemoEnvironment.FILE_NAME)).isRegularFile();
        ProjectConfig config = new ProjectLoader(Warehouses.discover(), CliRun.destinations(),
                DemoEnvironment.defaults()).load(project);
        assertThat(config.warehouse().type()).isEqualTo("duckdb");
        assertThat(config.segments()).containsOnlyKeys("champions_vip", "lapsed_reengage", "at_risk_winback",
                "new_customers_nurture");
        assertThat(config.segments().values().stream().filter(s -> s.syncable()).count()).isEqualTo(3);
        assertThat(config.segment("new_customers_nurture").orElseThrow().syncable()).isFalse();
        assertThat(config.destinations()).containsOnlyKeys("hubspot_crm", "klaviyo_email", "facebook_ads");
        assertThat(config.syncs()).hasSize(3).allMatch(s -> s.schedule().isPresent());
        assertThat(config.scoring().models()).containsKeys("churn_90d", "purchase_30d");
    }

    @Test
    void initRefusesToOverwriteWithoutForce() {
        CliRun again = CliRun.run(CliRun.session(), "init", "--demo", dir.toString(), "--customers", "10");
        assertThat(again.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(again.err()).contains("already holds a demo project").contains("--force");
        CliRun noDemo = CliRun.run(CliRun.session(), "init", tmp.resolve("x").toString());
        assertThat(noDemo.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(noDemo.err()).contains("--demo");
    }

    @Test
    void sqlQueriesTheDemoWarehouseInEachFormat() throws Exception {
        CliRun text = CliRun.run(CliRun.session(), "sql", "--project", project.toString(),
                "SELECT count(*) AS customers FROM raw.customers");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("customers").contains("800").contains("(1 row)");
        CliRun csv = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "csv",
                "SELECT customer_id FROM raw.customers ORDER BY 1");
        assertThat(csv.out().split("\r\n")).hasSize(801);
        CliRun json = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "json",
                "--limit", "2", "SELECT customer_id FROM raw.customers ORDER BY 1");
        JsonNode rows = Json.MAPPER.readTree(json.out());
        assertThat(rows.get(0).get("customer_id").asText()).isEqualTo("C0000001");
        assertThat(rows.size()).isEqualTo(2);
        CliRun table = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "table",
                "SELECT * FROM raw.orders");
        assertThat(table.out().lines().count()).isEqualTo(SqlCommand.DEFAULT_TEXT_LIMIT + 3);
    }

    @Test
    void sqlRefusesWritesBeforeTouchingTheWarehouse() {
        CliRun r = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "DELETE FROM raw.orders");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("refused").contains("read-only");
        CliRun count = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM raw.orders WHERE order_id IS NOT NULL");
        assertThat(Long.parseLong(count.out().split("\r\n")[1])).isPositive();
    }

    @Test
    void loadRoundTripsACsvFile() throws Exception {
        Path csv = tmp.resolve("stores.csv");
        Files.writeString(csv, "store_id,city,opened\n1,Austin,2020-01-05\n2,Boston,2021-03-09\n3,\"Denver, CO\",2022-07-01\n");
        CliRun load = CliRun.run(CliRun.session(), "load", "--project", project.toString(), "raw.stores", csv.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded 3 rows into raw.stores");
        CliRun back = CliRun.run(CliRun.session(), "sql", "--project", project.toString(), "--format", "csv",
                "SELECT store_id, city, opened FROM raw.stores ORDER BY store_id");
        assertThat(back.out()).isEqualTo("store_id,city,opened\r\n1,Austin,2020-01-05\r\n2,Boston,2021-03-09\r\n"
                + "3,\"Denver, CO\",2022-07-01\r\n");
    }

    @Test
    void loadRejectsBadTablesFilesAndSeglifsOwnSchema() throws Exception {
        Path csv = tmp.resolve("x.csv");
        Files.writeString(csv, "a\n1\n");
        CliRun injected = CliRun.run(CliRun.session(), "load", "--project", project.toString(), "x; drop table y",
                csv.toString());
        assertThat(injected.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(injected.err()).contains("TABLE").contains("not a valid identifier");
        CliRun missing = CliRun.run(CliRun.session(), "load", "--project", project.toString(), "raw.x",
                tmp.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(missing.err()).contains("no file at");
        Path xlsx = tmp.resolve("x.xlsx");
        Files.writeString(xlsx, "a");
        CliRun type = CliRun.run(CliRun.session(), "load", "--project", project.toString(), "raw.x", xlsx.toString());
        assertThat(type.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(type.err()).contains("allowed: .csv");
        CliRun own = CliRun.run(CliRun.session(), "load", "--project", project.toString(), "seglift.x", csv.toString());
        assertThat(own.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(own.err()).contains("Seglift's own tables");
    }

    @Test
    void demoRunsEveryStageOnTheExistingProject() throws Exception {
        CliRun r = CliRun.run(CliRun.session(), "demo", dir.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode out = Json.MAPPER.readTree(r.out());
        JsonNode stages = out.get("stages");
        assertThat(stages.get(0).get("stage").asText()).isEqualTo("generate data");
        assertThat(stages.get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(stages.get(stages.size() - 1).get("stage").asText()).isEqualTo("summary");
        assertThat(stages.get(stages.size() - 1).get("status").asText()).as(r.out()).isEqualTo("DONE");
        assertThat(out.get("outputs").toString()).contains("seglift.yaml").contains("demo.duckdb");
    }
}
