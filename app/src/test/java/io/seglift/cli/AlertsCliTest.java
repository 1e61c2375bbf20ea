package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.sync.SyncFixture;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands a user runs with an {@code alerts:} block: {@code seglift sync} (a failed run, a run with too many
 * rejected rows), {@code seglift segments build} (a large membership change) and {@code seglift report} (a changed
 * lift verdict). Each alert reaches a receiver on 127.0.0.1 whose signature check (Standard Webhooks: HMAC-SHA256
 * over {@code id.timestamp.body}) is written here, apart from the sender, and carries none of the customers' emails
 * or phone numbers; an undeliverable alert leaves the exit code alone and is recorded as failed.
 */
class AlertsCliTest {
    private static final String SECRET = "cli-test-signing-secret";

    @TempDir
    Path dir;
    private HttpServer receiver;
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<Boolean> verified = new ArrayList<>();
    private final List<Duration> slept = new ArrayList<>();
    private Session session;

    @BeforeEach
    void setUp() throws Exception {
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("acme.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            SyncFixture.createTables(w);
            w.execute("CREATE TABLE raw.orders (customer_id BIGINT, ordered_at DATE, total DOUBLE)");
            SyncFixture.customers(w, 200);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, 200);
        }
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean ok = verify(ex.getRequestHeaders().getFirst("webhook-id"),
                    ex.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    ex.getRequestHeaders().getFirst("webhook-signature"));
            int status;
            synchronized (this) {
                received.add(new ObjectMapper().readTree(body));
                bodies.add(new String(body, StandardCharsets.UTF_8));
                verified.add(ok);
                status = answers.isEmpty() ? 200 : answers.poll();
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        session = new Session(Warehouses.discover(), new Destinations(List.of(new Scripted())),
                Map.of("ALERT_SECRET", SECRET), Clock.systemUTC(), Progress.NONE, slept::add);
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    private static boolean verify(String id, String ts, byte[] body, String signature) {
        if (id == null || ts == null || signature == null || !signature.startsWith("v1,")) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + ts + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts));
            return age < 300 && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
        } catch (Exception e) {
            return false;
        }
    }

    private Path project(String behaviour) throws Exception {
        Path file = dir.resolve("seglift.yaml");
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
                segments:
                  lapsed:
                    rule: "recency_days > 90"
                    holdout: 10%
                    brief:
                      channel: [crm]
                      hypothesis: Lapsed buyers come back when nudged.
                      success_metric: {name: reactivated_30d, outcome: purchase, window_days: 30, target: +3pp}
                      owner: growth@acme.example
                destinations:
                  crm: {type: scripted, behaviour: BEHAVIOUR}
                syncs:
                  - {name: lapsed_to_crm, segment: lapsed, destination: crm, mode: mirror}
                alerts:
                  webhook: {url: "URL", secret: "${env:ALERT_SECRET}"}
                  on: [sync_failed, rejected_share]
                  rejected_share_above: 5%
                  max_attempts: 3
                """.replace("BEHAVIOUR", behaviour)
                .replace("URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        return file;
    }

    @Test
    void aFailedSyncIsAlertedSignedAndWithoutPersonalData() throws Exception {
        CliRun r = CliRun.run(session, "sync", "lapsed_to_crm", "-p", project("fail").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(received).singleElement().satisfies(j -> {
            assertThat(j.get("type").asText()).isEqualTo("sync_failed");
            assertThat(j.get("sync").asText()).isEqualTo("lapsed_to_crm");
            assertThat(j.get("text").asText()).contains("Seglift acme: sync lapsed_to_crm failed", "AUTH");
        });
        assertThat(verified).containsExactly(true);
        assertThat(bodies.get(0)).doesNotContain("ops.lead", "acme.example", "+1 415", "555 0100")
                .contains("<email>", "<phone>");
        assertNoCustomerContact(bodies.get(0));
        assertThat(deliveries()).containsExactly("sync_failed|lapsed_to_crm|1|200|delivered");
    }

    @Test
    void aRunWithTooManyRejectedRowsIsAlerted() throws Exception {
        CliRun r = CliRun.run(session, "sync", "lapsed_to_crm", "-p", project("reject_every_4th").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(received).singleElement().satisfies(j -> {
            assertThat(j.get("type").asText()).isEqualTo("rejected_share");
            assertThat(j.get("details").get("rejected_share").asDouble()).isGreaterThan(0.2);
            assertThat(j.get("text").asText()).contains("rows rejected", "above 5.0%", "seglift runs show");
        });
        assertThat(verified).containsExactly(true);
        assertNoCustomerContact(bodies.get(0));
        assertThat(deliveries()).containsExactly("rejected_share|lapsed_to_crm|1|200|delivered");
    }

    @Test
    void anUndeliverableAlertKeepsTheExitCodeAndIsRecordedAsFailed() throws Exception {
        answers.addAll(List.of(500, 500, 500));
        CliRun r = CliRun.run(session, "sync", "lapsed_to_crm", "-p", project("reject_every_4th").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.REJECTED_ROWS);
        assertThat(received).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(r.err()).contains("warning: alert rejected_share for sync lapsed_to_crm was not delivered after 3 "
                + "attempt(s) (HTTP 500)");
        assertThat(deliveries()).containsExactly("rejected_share|lapsed_to_crm|3|500|failed");
    }

    @Test
    void aCleanRunSendsNothing() throws Exception {
        CliRun r = CliRun.run(session, "sync", "lapsed_to_crm", "-p", project("accept").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(received).isEmpty();
        assertThat(deliveries()).isEmpty();
    }

    @Test
    void aSegmentBuildThatChangesMostOfItsMembersIsAlerted() throws Exception {
        Path file = dir.resolve("shop.yaml");
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("shop.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            w.execute("CREATE TABLE customers AS SELECT i AS customer_id, 'c' || i || '@shop.example' AS email"
                    + " FROM range(1, 301) t(i)");
            w.execute("CREATE TABLE orders AS SELECT 'o' || i AS order_id, 1 + i % 300 AS customer_id,"
                    + " DATE '2024-01-01' + CAST(i % 360 AS INTEGER) AS ordered_at, 10.0 AS total FROM range(0, 900) t(i)");
        }
        Files.writeString(file, """
                project: shop
                warehouse: {type: duckdb, path: ./shop.duckdb}
                sources:
                  customers: {table: customers, key: customer_id, email: email}
                  orders: {table: orders, customer: customer_id, at: ordered_at, order_id: order_id, amount: total}
                segments:
                  recent:
                    rule: "recency_days <= 60"
                    holdout: 10%
                alerts:
                  webhook: {url: "URL", secret: "${env:ALERT_SECRET}"}
                """.replace("URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        assertThat(CliRun.run(session, "segments", "build", "--as-of", "2024-04-01", "-p", file.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(received).isEmpty();
        assertThat(CliRun.run(session, "segments", "build", "--as-of", "2024-10-01", "-p", file.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(received).singleElement().satisfies(j -> {
            assertThat(j.get("type").asText()).isEqualTo("membership_change");
            assertThat(j.get("segment").asText()).isEqualTo("recent");
            assertThat(j.get("details").get("change_ratio").asDouble()).isGreaterThan(0.2);
            assertThat(j.get("text").asText()).contains("segment recent changed", "flagged above 20%");
        });
        assertThat(verified).containsExactly(true);
        assertThat(bodies.get(0)).doesNotContain("@shop.example");
    }

    @Test
    void aLiftVerdictThatChangesBetweenReportsIsAlerted() throws Exception {
        Path file = dir.resolve("lift.yaml");
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("lift.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 600);
            w.execute("CREATE TABLE raw.orders AS SELECT id AS customer_id, DATE '2024-01-02' AS ordered_at,"
                    + " 20.0 AS total FROM raw.customers");
        }
        Files.writeString(file, """
                project: lift
                warehouse: {type: duckdb, path: ./lift.duckdb}
                sources:
                  customers:
                    table: raw.customers
                    key: id
                    email: email
                    phone: phone
                    consent: {email: email_ok, sms: sms_ok, dnd: dnd}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                segments:
                  lapsed:
                    rule: "recency_days > 90"
                    holdout: 20%
                    brief:
                      channel: [crm]
                      hypothesis: Lapsed buyers come back when nudged.
                      success_metric: {name: back_30d, outcome: purchase, window_days: 30, target: +3pp}
                      owner: growth
                destinations:
                  crm: {type: scripted, behaviour: accept}
                syncs:
                  - {name: lapsed_to_crm, segment: lapsed, destination: crm, mode: mirror}
                alerts:
                  webhook: {url: "URL", secret: "${env:ALERT_SECRET}"}
                  on: [lift_verdict_change]
                """.replace("URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        String p = file.toString();
        assertThat(CliRun.run(session, "segments", "build", "--as-of", "2024-06-01", "-p", p).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(CliRun.run(session, "sync", "lapsed_to_crm", "-p", p).exitCode()).isEqualTo(ExitCode.OK);
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("lift.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            // the nudge works: a third of the treated members buy again two weeks after the build, nobody held out does
            w.execute("INSERT INTO raw.orders SELECT CAST(customer_key AS BIGINT), DATE '2024-06-15', 30.0 FROM "
                    + "seglift.segment_members WHERE arm = 'treatment' AND CAST(customer_key AS BIGINT) % 3 = 0");
        }

        CliRun early = CliRun.run(session, "report", "--as-of", "2024-06-10", "--format", "json", "-p", p);
        assertThat(early.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(early.out()).get("segments").get(0).get("pooled").get("state").asText())
                .isEqualTo("WINDOW_NOT_COMPLETE");
        assertThat(received).isEmpty();
        assertThat(CliRun.run(session, "report", "--as-of", "2024-07-15", "--format", "json", "-p", p).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(CliRun.run(session, "report", "--as-of", "2024-07-20", "--format", "json", "-p", p).exitCode())
                .isEqualTo(ExitCode.OK);

        assertThat(received).singleElement().satisfies(j -> {
            assertThat(j.get("type").asText()).isEqualTo("lift_verdict_change");
            assertThat(j.get("segment").asText()).isEqualTo("lapsed");
            assertThat(j.get("details").get("previous").asText()).isEqualTo("WINDOW_NOT_COMPLETE");
            assertThat(j.get("details").get("current").asText()).isEqualTo("POSITIVE");
            assertThat(j.get("text").asText()).contains("Seglift lift: segment lapsed: lift verdict changed from "
                    + "WINDOW_NOT_COMPLETE to POSITIVE");
        });
        assertThat(verified).containsExactly(true);
        assertNoCustomerContact(bodies.get(0));
    }

    /** The fixture's customers have emails {@code c<i>@example.com} and phones {@code +4420700<i>}. */
    private static void assertNoCustomerContact(String body) {
        assertThat(body).doesNotContain("@example.com", "+4420700");
    }

    private List<String> deliveries() {
        List<String> out = new ArrayList<>();
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("acme.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()))) {
            w.query("SELECT kind, sync_name, attempts, http_status, status FROM seglift.alert_deliveries ORDER BY "
                    + "created_at", List.of(), row -> out.add(row.string("kind") + "|" + row.string("sync_name") + "|"
                    + row.longValue("attempts") + "|" + row.longValue("http_status") + "|" + row.string("status")));
        }
        return out;
    }

    /** A destination that accepts, rejects every 4th member, or fails with a message naming a person. */
    private static final class Scripted implements DestinationFactory {
        @Override
        public String type() {
            return "scripted";
        }

        @Override
        public String description() {
            return "scripted destination for the alerts test";
        }

        @Override
        public ConfigSpec configSpec() {
            return ConfigSpec.of(ConfigKey.required("behaviour", ConfigKey.Type.STRING, "accept, reject_every_4th or fail"));
        }

        @Override
        public Capabilities capabilities(Settings settings) {
            return Capabilities.builder(Channel.CRM).identifiers(IdentifierType.EMAIL).maxBatchSize(50)
                    .rateLimit(new RateLimit("default", 1000, Duration.ofSeconds(1))).modes(SyncMode.values())
                    .removes().attributes().build();
        }

        @Override
        public Destination create(Settings settings, DestinationContext context) {
            String behaviour = settings.string("behaviour").orElseThrow();
            return new Destination() {
                @Override
                public void check() {
                }

                @Override
                public AudienceRef ensureAudience(AudienceSpec spec) {
                    return new AudienceRef("aud-1", spec.displayName(), false);
                }

                @Override
                public BatchResult push(Batch batch) {
                    if (behaviour.equals("fail")) {
                        throw new DestinationException("AUTH", "token of ops.lead@acme.example was refused; call "
                                + "+1 415 555 0100");
                    }
                    List<RowResult> out = new ArrayList<>();
                    for (Member m : batch.members()) {
                        boolean reject = behaviour.equals("reject_every_4th") && Long.parseLong(m.key()) % 4 == 0;
                        out.add(reject ? RowResult.rejected(m.key(), "INVALID", "refused for the test")
                                : RowResult.ok(m.key(), "id-" + m.key()));
                    }
                    return new BatchResult(out);
                }
            };
        }
    }
}
