package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.destination.hubspot.sandbox.HubSpotSandboxProvider;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProviders;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotDestinationTest {
    private static final AudienceSpec SPEC = new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private Sandbox sandbox(SandboxOptions options) {
        Sandbox s = new HubSpotSandboxProvider().start(options);
        open.add(s);
        return s;
    }

    private Destination destination(Sandbox s, Duration timeout) {
        var factory = Destinations.discover().find("hubspot").orElseThrow();
        Settings settings = new Settings("hubspot_crm", "hubspot", Map.of(
                "token", Secret.of("${env:HUBSPOT_TOKEN}", "pat-na1-test"), "base_url", s.baseUrl().toString()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Destination d = factory.create(settings, DestinationContext.builder().httpClient(http)
                .clock(Clock.systemUTC()).requestTimeout(timeout).build());
        open.add(d);
        return d;
    }

    private static Member member(String key, String email) {
        return new Member(key, email == null ? Map.of() : Map.of(IdentifierType.EMAIL, email), Map.of(), null);
    }

    private static Map<String, RowResult> byKey(BatchResult r) {
        return r.rows().stream().collect(Collectors.toMap(RowResult::key, x -> x));
    }

    @Test
    void addsContactsToAStaticListFoundAgainByName() {
        Sandbox s = sandbox(SandboxOptions.defaults());
        Destination d = destination(s, Duration.ofSeconds(5));
        d.check();
        AudienceRef list = d.ensureAudience(SPEC);
        assertThat(list.created()).isTrue();
        assertThat(d.ensureAudience(SPEC)).isEqualTo(new AudienceRef(list.id(), list.name(), false));

        BatchResult r = d.push(Batch.builder(list, Operation.ADD, List.of(member("c1", "Ann@Example.com"),
                member("c2", "bob@example.com"), member("c3", "not-an-email"), member("c4", null))).totalInRun(4).build());
        Map<String, RowResult> rows = byKey(r);
        assertThat(rows.get("c1").status()).isEqualTo(RowStatus.OK);
        assertThat(rows.get("c1").destinationId()).isNotBlank();
        assertThat(rows.get("c3").status()).isEqualTo(RowStatus.REJECTED);
        assertThat(rows.get("c3").code()).isEqualTo("VALIDATION_ERROR");
        assertThat(rows.get("c3").message()).doesNotContain("not-an-email").contains("<identifier>");
        assertThat(rows.get("c4").code()).isEqualTo("NO_EMAIL");
        HubSpotSandboxApi api = (HubSpotSandboxApi) s.api();
        assertThat(api.listMemberEmails(SPEC.displayName())).containsExactlyInAnyOrder("ann@example.com", "bob@example.com");

        // the same batch again changes nothing (idempotent push)
        d.push(Batch.builder(list, Operation.ADD, List.of(member("c1", "ann@example.com"))).sequence(1).lastBatch(true).totalInRun(1).build());
        assertThat(api.contactCount()).isEqualTo(2);
        assertThat(api.listSize(SPEC.displayName())).isEqualTo(2);

        BatchResult removed = d.push(Batch.builder(list, Operation.REMOVE, List.of(
                new Member("c1", Map.of(), Map.of(), rows.get("c1").destinationId()))).totalInRun(1).build());
        assertThat(removed.count(RowStatus.OK)).isEqualTo(1);
        assertThat(api.listMemberEmails(SPEC.displayName())).containsExactly("bob@example.com");
    }

    @Test
    void upsertCreatesMissingPropertiesThenWritesThem() {
        Sandbox s = sandbox(SandboxOptions.defaults());
        Destination d = destination(s, Duration.ofSeconds(5));
        AudienceRef list = d.ensureAudience(SPEC);
        Member m = new Member("c1", Map.of(IdentifierType.EMAIL, "ann@example.com"), Map.of("seglift_rfm_segment", "Champions"), null);
        assertThat(d.push(Batch.builder(list, Operation.UPDATE, List.of(m)).totalInRun(1).build()).count(RowStatus.OK)).isEqualTo(1);
        assertThat(((HubSpotSandboxApi) s.api()).contact("ann@example.com").orElseThrow().properties())
                .containsEntry("seglift_rfm_segment", "Champions");
    }

    @Test
    void refusesBatchesOverOneThousand() {
        Sandbox s = sandbox(SandboxOptions.defaults());
        Destination d = destination(s, Duration.ofSeconds(5));
        AudienceRef list = d.ensureAudience(SPEC);
        List<Member> many = IntStream.range(0, 1001).mapToObj(i -> member("c" + i, "u" + i + "@example.com")).toList();
        assertThatThrownBy(() -> d.push(Batch.builder(list, Operation.ADD, many).totalInRun(1001).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }

    private RetriableDestinationException retriableFrom(FaultPlan plan, Duration timeout) {
        Sandbox s = sandbox(SandboxOptions.defaults());
        AudienceRef list = destination(s, timeout).ensureAudience(SPEC);
        Sandbox faulty = sandbox(SandboxOptions.defaults().withFaults(plan));
        Destination d = destination(faulty, timeout);
        try {
            d.push(Batch.builder(list, Operation.ADD, List.of(member("c1", "a@example.com"))).totalInRun(1).build());
        } catch (RetriableDestinationException e) {
            return e;
        }
        throw new AssertionError("expected a retriable failure");
    }

    @Test
    void injected429CarriesRetryAfter() {
        RetriableDestinationException e = retriableFrom(FaultPlan.none().withRateLimited(1.0, Duration.ofSeconds(7)), Duration.ofSeconds(5));
        assertThat(e.code()).isEqualTo("429");
        assertThat(e.getMessage()).contains("TEN_SECONDLY_ROLLING");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsResetsAndTimeoutsAreRetriable() {
        assertThat(retriableFrom(FaultPlan.none().withServerError(1.0), Duration.ofSeconds(5)).code()).isEqualTo("502");
        assertThat(retriableFrom(FaultPlan.none().withConnectionReset(1.0), Duration.ofSeconds(5)).code()).isEqualTo("IO");
        assertThat(retriableFrom(FaultPlan.none().withDelay(1.0, Duration.ofMillis(1200)), Duration.ofMillis(300)).code())
                .isEqualTo("TIMEOUT");
    }

    @Test
    void theRealRollingLimitAnswersWithHubSpotHeaders() {
        Sandbox s = sandbox(SandboxOptions.defaults().withRateLimit(2, Duration.ofSeconds(10)));
        Destination d = destination(s, Duration.ofSeconds(5));
        d.check();
        d.check();
        assertThatThrownBy(d::check).isInstanceOfSatisfying(RetriableDestinationException.class, e -> {
            assertThat(e.code()).isEqualTo("429");
            assertThat(e.retryAfter()).isPresent();
            assertThat(e.retryAfter().get()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        });
    }

    @Test
    void partialFailuresRetryOnlyTheFailedRows() {
        Sandbox s = sandbox(SandboxOptions.defaults().withFaults(FaultPlan.none().withPartial(1.0, 0.5).withSeed(7)));
        Destination d = destination(s, Duration.ofSeconds(5));
        AudienceRef list = d.ensureAudience(SPEC);
        List<Member> ms = IntStream.range(0, 40).mapToObj(i -> member("c" + i, "u" + i + "@example.com")).toList();
        BatchResult r = d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(40).build());
        assertThat(r.count(RowStatus.RETRY)).isBetween(5L, 35L);
        assertThat(r.count(RowStatus.OK) + r.count(RowStatus.RETRY)).isEqualTo(40);
        assertThat(((HubSpotSandboxApi) s.api()).listSize(SPEC.displayName())).isEqualTo((int) r.count(RowStatus.OK));
        r.rows().stream().filter(x -> x.status() == RowStatus.RETRY).forEach(x -> assertThat(x.code()).isEqualTo("OBJECT_WRITE_FAILED"));
    }

    @Test
    void dailyLimitStopsTheRunWithAClearMessage() {
        Sandbox s = new HubSpotSandboxProvider().start(SandboxOptions.defaults(), 1);
        open.add(s);
        Destination d = destination(s, Duration.ofSeconds(5));
        d.check();
        assertThatThrownBy(d::check).isInstanceOfSatisfying(RetriableDestinationException.class, e -> {
            assertThat(e.code()).isEqualTo("DAILY_LIMIT");
            assertThat(e.getMessage()).contains("daily API limit").contains("Sync again tomorrow");
            assertThat(e.retryAfter()).hasValueSatisfying(w -> assertThat(w).isGreaterThan(Duration.ofMinutes(1))
                    .isLessThanOrEqualTo(Duration.ofHours(24).plusMinutes(1)));
        });
    }

    @Test
    void sandboxProviderIsDiscoverable() {
        assertThat(SandboxProviders.discover().find("hubspot")).isPresent();
    }

    @Test
    void tokenNeverAppearsInSettingsOrErrors() {
        Sandbox s = new HubSpotSandboxProvider().start(SandboxOptions.defaults(), 0);
        open.add(s);
        Destination d = destination(s, Duration.ofSeconds(5));
        assertThatThrownBy(d::check).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pat-na1-test"));
    }

    @Test
    void aWholeBatch400IsSplitUntilTheInvalidRowsAreIsolated() {
        Sandbox s = sandbox(SandboxOptions.defaults());
        ((HubSpotSandboxApi) s.api()).wholeBatchValidation(true);
        Destination d = destination(s, Duration.ofSeconds(5));
        AudienceRef list = d.ensureAudience(SPEC);
        List<Member> ms = new ArrayList<>(IntStream.range(0, 9).mapToObj(i -> member("c" + i, "u" + i + "@example.com")).toList());
        ms.add(4, member("bad", "no-at-sign"));
        BatchResult r = d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(10).build());
        Map<String, RowResult> rows = byKey(r);
        assertThat(r.count(RowStatus.OK)).isEqualTo(9);
        assertThat(rows.get("bad").status()).isEqualTo(RowStatus.REJECTED);
        assertThat(rows.get("bad").code()).isEqualTo("VALIDATION_ERROR");
        assertThat(rows.get("bad").message()).doesNotContain("no-at-sign");
        assertThat(((HubSpotSandboxApi) s.api()).listSize(SPEC.displayName())).isEqualTo(9);
    }
}
