package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    private static final String TOKEN = "pat-na1-cli-secret-0042";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        Session session = new Session(Warehouses.discover(), Destinations.discover(),
                Map.of("HUBSPOT_TOKEN", TOKEN), Clock.systemUTC(), Progress.NONE);
        return Main.run(session, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionListsEachDestinationConnectorsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).startsWith("seglift 0.1.0");
        Destinations.discover().all().forEach((type, f) ->
                assertThat(stdout()).contains("  " + type + " " + f.version()));
        assertThat(Destinations.discover().all()).containsKey("hubspot");
    }

    @Test
    void printsEveryProblemWithItsLineAndExitsInvalid() throws IOException {
        Path file = write("""
                project: acme
                warehouse:
                  type: duckdb
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders:
                    table: "raw.orders; drop table y"
                    customer: customer_id
                    at: ordered_at
                    amount: total
                segments:
                  lapsed:
                    rule: "recency_days > 90"
                    holdout: 60%%
                destinations:
                  crm:
                    type: hubspot
                    token: %s
                syncs:
                  - {name: s, segment: lapsed, destination: crm, shedule: "0 6 * * *"}
                """.formatted(TOKEN));
        int code = run("validate", "--project", file.toString());
        String text = stdout();
        stdout.println(text);
        assertThat(code).isEqualTo(ExitCode.INVALID);
        assertThat(text).contains(file + ":7:12: sources.orders.table: 'raw.orders; drop table y' is not a valid table name")
                .contains(file + ":14:14: segments.lapsed.holdout: holdout '60%' is outside 0 to 50%")
                .contains(file + ":18:12: destinations.crm.token: is a secret and must be written as ${env:NAME}")
                .contains(file + ":20:50: syncs[0].shedule: unknown key 'shedule' (did you mean 'schedule'?")
                .contains(file + ": invalid, 4 problems\n")
                .doesNotContain(TOKEN);
    }

    @Test
    void aValidFileExitsZeroAndWarnsAboutIncompleteBriefs() throws IOException {
        Path file = write("""
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                segments:
                  done:
                    rule: "true"
                    brief:
                      channel: [crm]
                      hypothesis: They buy again.
                      success_metric: {name: p30, outcome: purchase, window_days: 30, target: +3pp}
                      owner: team
                  draft: {rule: "true"}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                syncs:
                  - {name: s, segment: done, destination: crm}
                """);
        assertThat(run("validate", "--project", file.toString())).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains(file + ":14:3: warning: segments.draft: the activation brief is incomplete, so "
                        + "this segment will not be synced; missing: brief")
                .contains(file + ": valid (2 segments, 1 destination, 1 sync), 1 warning");

        out.reset();
        assertThat(run("validate", "--project", file.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode json = Json.MAPPER.readTree(stdout());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("problems")).isEmpty();
        assertThat(json.at("/warnings/0/path").asText()).isEqualTo("segments.draft");
        assertThat(json.at("/warnings/0/line").asInt()).isEqualTo(14);
        assertThat(json.at("/counts/syncs").asInt()).isEqualTo(1);
    }

    @Test
    void jsonListsProblems() throws IOException {
        Path file = write("project: acme\nwarehouse: {type: oracle}\nsources: {}\n");
        assertThat(run("validate", "-p", file.toString(), "--format", "json")).isEqualTo(ExitCode.INVALID);
        JsonNode json = Json.MAPPER.readTree(stdout());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems")).hasSize(2);
        assertThat(json.at("/problems/0/message").asText()).contains("unknown warehouse type 'oracle'", "duckdb", "postgres");
        assertThat(json.at("/problems/0/line").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsInvalid() {
        assertThat(run("validate", "--project", dir.resolve("nope.yaml").toString())).isEqualTo(ExitCode.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no project file at");
    }

    @Test
    void schemaPrintsTheJsonSchemaWithInstalledConnectors() throws IOException {
        assertThat(run("schema")).isEqualTo(ExitCode.OK);
        JsonNode schema = Json.MAPPER.readTree(stdout());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/warehouse/properties/type/enum").toString()).contains("duckdb", "postgres");
        assertThat(schema.at("/properties/destinations/additionalProperties/properties/type/enum").toString())
                .contains("hubspot");
        Path file = dir.resolve("s.json");
        assertThat(run("schema", "--output", file.toString())).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(file.toFile()).get("$defs").has("secret")).isTrue();
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("seglift.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
