package io.seglift.cli;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.destination.hubspot.sandbox.HubSpotSandboxProvider;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.sync.SyncFixture;
import io.seglift.sync.lock.SyncLock;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift plan / sync / runs} end to end: a YAML project, a DuckDB file and the HubSpot sandbox. */
class SyncCliTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private Path file;
    private Session session;
    private final PrintStream out = System.out;
    private ByteArrayOutputStream captured;

    @BeforeEach
    void setUp() throws Exception {
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("acme.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            SyncFixture.createTables(w);
            w.execute("CREATE TABLE raw.orders (customer_id BIGINT, ordered_at DATE, total DOUBLE)");
            SyncFixture.customers(w, 300);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, 300);
            SyncFixture.suppress(w, 3);
        }
        sandbox = new HubSpotSandboxProvider().start(SandboxOptions.defaults());
        file = dir.resolve("seglift.yaml");
        Files.writeString(file, """
                project: acme
                warehouse: {type: duckdb, path: ./acme.duckdb}
                sources:
                  customers:
                    table: raw.customers
                    key: id
                    email: email
                    phone: phone
                    consent: {email: email_ok, sms: sms_ok, dnd: dnd}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                  suppressions: {table: raw.suppressions, customer: customer_id}
                segments:
                  lapsed:
                    rule: "recency_days > 90"
                    holdout: 10%
                    brief:
                      channel: [crm]
                      hypothesis: Lapsed buyers come back when nudged.
                      success_metric: {name: reactivated_30d, outcome: purchase, window_days: 30, target: +3pp}
                      owner: growth@acme.example
                  nobrief:
                    rule: "recency_days > 400"
                destinations:
                  crm:
                    type: hubspot
                    token: ${env:HUBSPOT_TOKEN}
                    base_url: BASE_URL
                    rate_limit: {requests: 1000, per: 1s}
                syncs:
                  - {name: lapsed_to_crm, segment: lapsed, destination: crm, mode: mirror, schedule: "0 6 * * *"}
                  - {name: nobrief_to_crm, segment: nobrief, destination: crm, mode: mirror}
                """.replace("BASE_URL", sandbox.baseUrl().toString()));
        session = new Session(Warehouses.discover(), Destinations.discover(), Map.of("HUBSPOT_TOKEN", "pat-test"),
                Clock.systemUTC(), Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        System.setOut(out);
        sandbox.close();
    }

    private int run(String... args) {
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "-p";
            all[args.length + 1] = file.toString();
            return Main.run(session, all);
        } finally {
            System.setOut(out);
        }
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void planThenSyncThenRuns() {
        // 300 members: 30 held out, customer 3 suppressed, 16 without email (170 is held out) -> 253 to add
        assertThat(run("plan", "lapsed_to_crm")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("add          253").contains("held out     30").contains("nothing was sent");
        assertThat(((HubSpotSandboxApi) sandbox.api()).contactCount()).isZero();

        assertThat(run("sync", "lapsed_to_crm", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("\"added\" : 253");
        assertThat(((HubSpotSandboxApi) sandbox.api()).listSize("Seglift · acme · lapsed")).isEqualTo(253);

        assertThat(run("runs")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("lapsed_to_crm").contains("succeeded");
        String runId = output().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("runs", "show", runId)).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("add ok: 253").contains("held out 30");
        assertThat(output()).doesNotContain("@example.com");
    }

    @Test
    void incompleteBriefExitsTwoAndNamesWhatIsMissing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("sync", "nobrief_to_crm")).isEqualTo(ExitCode.INVALID);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("segments.nobrief.brief");
    }

    @Test
    void aSyncAlreadyRunningExitsFour() {
        try (SyncLock held = SyncLock.tryAcquire(dir, "lapsed_to_crm", new StringBuilder()).orElseThrow()) {
            assertThat(run("sync", "lapsed_to_crm")).isEqualTo(ExitCode.LOCKED);
        }
    }

    @Test
    void allReturnsTheWorstCode() {
        assertThat(run("sync", "--all")).isEqualTo(ExitCode.INVALID);
        assertThat(((HubSpotSandboxApi) sandbox.api()).listSize("Seglift · acme · lapsed")).isEqualTo(253);
    }

    @Test
    void aMassRemovalExitsSixWithItsReasonUntilAllowed() throws Exception {
        assertThat(run("sync", "lapsed_to_crm")).isEqualTo(ExitCode.OK);
        HubSpotSandboxApi api = (HubSpotSandboxApi) sandbox.api();
        assertThat(api.listSize("Seglift · acme · lapsed")).isEqualTo(253);
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("acme.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            SyncFixture.build(w, LocalDate.of(2026, 11, 8), 1, 60);   // 50 to send: 203 of 253 would go
        }

        assertThat(run("plan", "lapsed_to_crm")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("remove       203", "audience     253",
                "would be refused (exit 6)", "would remove 203 of 253 members (80%), more than max_removal_share 20%");

        assertThat(run("sync", "lapsed_to_crm")).isEqualTo(ExitCode.TOO_LARGE_CHANGE);
        assertThat(output()).contains("refused: sync lapsed_to_crm would remove 203 of 253 members (80%)",
                "max_removal_share 20%", "seglift plan lapsed_to_crm", "--allow-large-changes", "nothing was sent");
        assertThat(api.listSize("Seglift · acme · lapsed")).isEqualTo(253);
        assertThat(run("runs", "lapsed_to_crm")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("refused");

        assertThat(run("sync", "lapsed_to_crm", "--allow-large-changes")).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("removed 203");
        assertThat(api.listSize("Seglift · acme · lapsed")).isEqualTo(50);
    }
}
