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
import io.seglift.serve.HttpSettings;
import io.seglift.serve.SyncServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    private final List<Duration> slept = new ArrayList<>();
    private Map<String, String> env = Map.of("HUBSPOT_TOKEN", "pat-test");

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
        session();
    }

    private void session() {
        session = new Session(Warehouses.discover(), Destinations.discover(), env, Clock.systemUTC(), Progress.NONE, slept::add);
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

    private String errorsOf(Runnable command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setErr(oldErr);
        }
        return err.toString(StandardCharsets.UTF_8);
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
    void aSecondRunWhileAnotherProcessRunsTheSyncStopsOnTheSyncLockAtOnce() throws Exception {
        int[] code = new int[1];
        String err;
        try (WarehouseHolder running = WarehouseHolder.hold(dir.resolve("acme.duckdb"), dir.toString(), "lapsed_to_crm")) {
            err = errorsOf(() -> code[0] = run("sync", "lapsed_to_crm"));
        }
        assertThat(code[0]).isEqualTo(ExitCode.LOCKED);
        assertThat(err).contains("already running").doesNotContain("Could not set lock");
        assertThat(slept).as("the lock is taken before the warehouse is opened: no wait for the file").isEmpty();
    }

    @Test
    void aWarehouseHeldByAnotherProcessIsWaitedForThenTheCommandExitsBusy() throws Exception {
        env = Map.of("HUBSPOT_TOKEN", "pat-test", "SEGLIFT_WAREHOUSE_WAIT", "2");
        session();
        int[] code = new int[1];
        String err;
        try (WarehouseHolder other = WarehouseHolder.hold(dir.resolve("acme.duckdb"))) {
            err = errorsOf(() -> code[0] = run("runs"));
        }
        assertThat(code[0]).isEqualTo(ExitCode.LOCKED);
        assertThat(err).contains("busy: another process holds the warehouse file").contains("waited 2 s")
                .contains("retry later").contains("SEGLIFT_WAREHOUSE_WAIT");
        assertThat(slept).hasSize(4).containsOnly(Duration.ofMillis(500));
        assertThat(run("runs")).isEqualTo(ExitCode.OK);
    }

    @Test
    void theWaitEndsWhenTheOtherProcessLetsGo() throws Exception {
        WarehouseHolder other = WarehouseHolder.hold(dir.resolve("acme.duckdb"));
        session = new Session(Warehouses.discover(), Destinations.discover(), env, Clock.systemUTC(), Progress.NONE, d -> {
            slept.add(d);
            try {
                other.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(run("runs")).isEqualTo(ExitCode.OK);
        assertThat(slept).hasSize(1);
    }

    @Test
    void aWaitThatIsNotANumberOfSecondsIsRefused() {
        env = Map.of("HUBSPOT_TOKEN", "pat-test", "SEGLIFT_WAREHOUSE_WAIT", "ten");
        session();
        int[] code = new int[1];
        String err = errorsOf(() -> code[0] = run("runs"));
        assertThat(code[0]).isEqualTo(ExitCode.INVALID);
        assertThat(err).contains("SEGLIFT_WAREHOUSE_WAIT").contains("'ten'");
    }

    @Test
    void serveOpensTheWarehouseForEachRunAndRequestOnly() throws Exception {
        Path db = dir.resolve("acme.duckdb");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (SyncServer server = new ServeCommand(session).server(session.loader().load(file), HttpSettings.local(0))) {
            server.start();
            assertThat(WarehouseHolder.canOpen(db)).as("serve does not hold the file while idle").isTrue();
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpResponse<String> trigger = http.send(HttpRequest.newBuilder(base.resolve("/syncs/lapsed_to_crm/trigger"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(trigger.statusCode()).isEqualTo(202);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!server.metrics().scrape().contains("seglift_sync_runs_total{status=\"succeeded\",sync=\"lapsed_to_crm\"} 1.0")
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(((HubSpotSandboxApi) sandbox.api()).listSize("Seglift · acme · lapsed")).isEqualTo(253);
            assertThat(WarehouseHolder.canOpen(db)).as("the file is closed after the run").isTrue();
            HttpRequest runs = HttpRequest.newBuilder(base.resolve("/runs")).timeout(Duration.ofSeconds(10)).build();
            assertThat(http.send(runs, HttpResponse.BodyHandlers.ofString()).body()).contains("lapsed_to_crm");
            try (WarehouseHolder other = WarehouseHolder.hold(db)) {
                HttpResponse<String> busy = http.send(runs, HttpResponse.BodyHandlers.ofString());
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(busy.body()).contains("busy: another process holds the warehouse file");
            }
        }
    }

    @Test
    void serveExitsZeroAfterACleanSigtermShutdown() throws Exception {
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0", "-p", file.toString())
                .redirectErrorStream(true);
        child.environment().put("HUBSPOT_TOKEN", "pat-test");
        Process serve = child.start();
        try {
            BufferedReader log = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = log.readLine()) != null; ) {
                        seen.append(line).append('\n');
                        if (line.contains("listening on")) return line;
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(listening).as(seen.toString()).isNotNull();
            // SIGTERM, as a service manager sends it (Process.destroy() would also close our end of the pipes)
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor()).isZero();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(log.lines().collect(Collectors.joining("\n"))).contains("seglift serve: stopped");
            assertThat(serve.exitValue()).isEqualTo(ExitCode.OK);
        } finally {
            serve.destroyForcibly();
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
