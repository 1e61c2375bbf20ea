package io.seglift.alerts;

import io.seglift.config.AlertKind;
import io.seglift.config.AlertsConfig;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each alert kind end to end: decided, signed, posted to a local receiver, retried, recorded in the warehouse. */
class AlerterTest {
    private static final String SECRET = "test-signing-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private LocalReceiver receiver;
    private Warehouse w;
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        receiver = new LocalReceiver(SECRET);
        w = DuckDbWarehouseFactory.open("jdbc:duckdb:", "seglift", new Settings("w", "duckdb", Map.of()));
        Migrator.discover().migrate(w);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        w.close();
    }

    private Alerter alerter(int attempts, Duration giveUp) {
        AlertsConfig c = new AlertsConfig(Optional.of(new AlertsConfig.Webhook(receiver.url(),
                Secret.of("${env:ALERT_SECRET}", SECRET))), EnumSet.allOf(AlertKind.class), 0.05, attempts, giveUp);
        return new Alerter("acme", c, new WarehouseAlertRecorder(w), WebhookTransport.jdk(),
                Clock.fixed(NOW, ZoneOffset.UTC), slept::add, notices::add);
    }

    private Alerter alerter() {
        return alerter(5, Duration.ofMinutes(2));
    }

    @Test
    void eachKindIsReceivedWithAVerifiedSignature() {
        Alerter a = alerter();
        a.syncFailed("lapsed_to_crm", "lapsed", "run-1", "HubSpot answered 503 three times");
        a.runFinished("lapsed_to_crm", "lapsed", "run-2", 100, 12);
        a.segmentBuilt("lapsed", LocalDate.of(2026, 11, 1), 500, 90, 40, Optional.of(0.35));
        a.liftMeasured("lapsed", "INCONCLUSIVE", "No clear effect yet.");
        a.liftMeasured("lapsed", "POSITIVE", "It worked.");

        assertThat(receiver.received()).hasSize(4).allSatisfy(r -> {
            assertThat(r.signatureValid()).as("signature of " + r.body()).isTrue();
            assertThat(r.timestamp()).isEqualTo(NOW.getEpochSecond());
            assertThat(r.json().get("id").asText()).isEqualTo(r.id());
            assertThat(r.json().get("project").asText()).isEqualTo("acme");
            assertThat(r.json().get("text").asText()).startsWith("Seglift acme: ");
        });
        assertThat(receiver.received()).extracting(r -> r.json().get("type").asText())
                .containsExactly("sync_failed", "rejected_share", "membership_change", "lift_verdict_change");
        var rejected = receiver.received().get(1).json();
        assertThat(rejected.get("details").get("rejected").asLong()).isEqualTo(12);
        assertThat(rejected.get("text").asText()).contains("12 of 100", "12.0%", "above 5.0%");
        assertThat(receiver.received().get(2).json().get("text").asText()).contains("35.0%", "above 20%");
        var lift = receiver.received().get(3).json();
        assertThat(lift.get("details").get("previous").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(lift.get("details").get("current").asText()).isEqualTo("POSITIVE");
        assertThat(deliveries()).containsExactlyInAnyOrder("sync_failed|lapsed_to_crm|lapsed|1|204|delivered",
                "rejected_share|lapsed_to_crm|lapsed|1|204|delivered", "membership_change|null|lapsed|1|204|delivered",
                "lift_verdict_change|null|lapsed|1|204|delivered");
        assertThat(slept).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void belowTheThresholdsOrUnchangedNothingIsSent() {
        Alerter a = alerter();
        a.runFinished("s", "lapsed", "run-1", 100, 5);
        a.runFinished("s", "lapsed", "run-2", 0, 0);
        a.segmentBuilt("lapsed", LocalDate.of(2026, 11, 1), 500, 50, 50, Optional.of(0.20));
        a.segmentBuilt("lapsed", LocalDate.of(2026, 11, 1), 500, 500, 0, Optional.empty());
        a.liftMeasured("lapsed", "POSITIVE", "It worked.");
        a.liftMeasured("lapsed", "POSITIVE", "It worked, again.");
        assertThat(receiver.received()).isEmpty();
        assertThat(deliveries()).isEmpty();
    }

    @Test
    void retriesAfter500And429ThenSucceeds() {
        receiver.answer(500, 429);
        var r = alerter().syncFailed("s", "lapsed", "run-1", "boom").orElseThrow();
        assertThat(r.delivered()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(receiver.received()).extracting(LocalReceiver.Received::answered).containsExactly(500, 429, 204);
        assertThat(receiver.received()).allSatisfy(x -> assertThat(x.signatureValid()).isTrue());
        assertThat(receiver.received()).extracting(LocalReceiver.Received::id).containsOnly(r.alertId());
        // backoff 1 s after the 500; the receiver's Retry-After (3 s) after the 429, being longer than 2 s
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(deliveries()).containsExactly("sync_failed|s|lapsed|3|204|delivered");
    }

    @Test
    void givesUpAfterTheAttemptBoundAndRecordsAFailure() {
        receiver.answer(500, 500, 500, 500);
        var r = alerter(3, Duration.ofMinutes(2)).syncFailed("s", "lapsed", "run-1", "boom").orElseThrow();
        assertThat(r.delivered()).isFalse();
        assertThat(receiver.received()).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(deliveries()).containsExactly("sync_failed|s|lapsed|3|500|failed");
        assertThat(notices).singleElement().asString().contains("not delivered after 3 attempt(s)", "HTTP 500");
    }

    @Test
    void givesUpWhenTheNextRetryWouldPassTheTimeBound() {
        receiver.answer(503, 503, 503, 503, 503);
        var r = alerter(10, Duration.ofSeconds(5)).syncFailed("s", "lapsed", "run-1", "boom").orElseThrow();
        // waits of 1 s and 2 s fit in 5 s; the next (4 s) would not
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.error()).contains("give_up_after");
        assertThat(deliveries()).containsExactly("sync_failed|s|lapsed|3|503|failed");
    }

    @Test
    void aClockThatMovesWithTheSleeperIsNotCountedTwice() {
        receiver.answer(503, 503, 503, 503, 503);
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AlertsConfig c = new AlertsConfig(Optional.of(new AlertsConfig.Webhook(receiver.url(),
                Secret.of("${env:ALERT_SECRET}", SECRET))), EnumSet.allOf(AlertKind.class), 0.05, 10,
                Duration.ofSeconds(5));
        Alerter a = new Alerter("acme", c, new WarehouseAlertRecorder(w), WebhookTransport.jdk(), moving, d -> {
            slept.add(d);
            now[0] = now[0].plus(d);
        }, notices::add);
        a.syncFailed("s", "lapsed", "run-1", "boom");
        // as with a fixed clock: 1 s and 2 s fit in 5 s; each attempt is stamped with the time it was sent
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(receiver.received()).extracting(LocalReceiver.Received::timestamp)
                .containsExactly(NOW.getEpochSecond(), NOW.getEpochSecond() + 1, NOW.getEpochSecond() + 3);
    }

    @Test
    void aFinalClientErrorIsNotRetried() {
        receiver.answer(401);
        var r = alerter().syncFailed("s", "lapsed", "run-1", "boom").orElseThrow();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(slept).isEmpty();
        assertThat(deliveries()).containsExactly("sync_failed|s|lapsed|1|401|failed");
    }

    @Test
    void aReceiverThatIsDownNeverThrowsAndIsRecorded() {
        receiver.close();
        var r = alerter(2, Duration.ofMinutes(2)).syncFailed("s", "lapsed", "run-1", "boom").orElseThrow();
        assertThat(r.delivered()).isFalse();
        assertThat(r.httpStatus()).isNull();
        assertThat(deliveries()).containsExactly("sync_failed|s|lapsed|2|null|failed");
    }

    @Test
    void messagesCarryNoEmailOrPhoneNumber() {
        String failure = "HubSpot refused contact jane.doe@example.com (phone +1 (555) 010-2368): 400 on 2026-11-01";
        alerter().syncFailed("s", "lapsed", "run-1", failure);
        String body = receiver.received().get(0).body();
        assertThat(body).doesNotContain("jane.doe", "example.com", "(555)", "010-2368");
        assertThat(body).contains("<email>", "<phone>", "2026-11-01");
        assertThat(receiver.received().get(0).signatureValid()).isTrue();
        List<String> stored = new ArrayList<>();
        w.query("SELECT * FROM seglift.alert_deliveries", List.of(), row -> stored.add(row.toString()));
        assertThat(String.join("\n", stored)).doesNotContain("jane.doe", "(555)", "010-2368");
    }

    @Test
    void disabledAlertsSendNothing() {
        Alerter a = new Alerter("acme", AlertsConfig.NONE, new WarehouseAlertRecorder(w), WebhookTransport.jdk(),
                Clock.fixed(NOW, ZoneOffset.UTC), slept::add, notices::add);
        assertThat(a.syncFailed("s", "lapsed", "run-1", "boom")).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    private List<String> deliveries() {
        List<String> out = new ArrayList<>();
        w.query("SELECT kind, sync_name, segment, attempts, http_status, status FROM seglift.alert_deliveries "
                + "ORDER BY created_at, alert_id", List.of(), r -> out.add(r.string("kind") + "|" + r.string("sync_name")
                + "|" + r.string("segment") + "|" + r.longValue("attempts") + "|" + r.longValue("http_status") + "|"
                + r.string("status")));
        return out;
    }
}
