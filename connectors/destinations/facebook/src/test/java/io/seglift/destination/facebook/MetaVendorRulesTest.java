package io.seglift.destination.facebook;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The connector against what Meta's own documents say: proof, versions, audience lookup, flags, removal handles. */
class MetaVendorRulesTest {
    private static final String TOKEN = FacebookConformanceTest.TOKEN;
    private static final String SECRET = "app-secret-0123456789abcdef";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final List<AutoCloseable> open = new ArrayList<>();
    private FacebookSandboxApi api;
    private SandboxServer server;

    private Destination start(String sandboxSecret, Map<String, Object> extra) {
        api = new FacebookSandboxApi(TOKEN::equals, sandboxSecret, TODAY);
        server = SandboxServer.serve(api);
        open.add(server);
        Destination d = new FacebookDestinationFactory().create(settings(extra), context());
        open.add(d);
        return d;
    }

    private Settings settings(Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("base_url", server.baseUrl(),
                "access_token", Secret.of("${env:FB_TOKEN}", TOKEN), "ad_account_id", "act_1234567890"));
        values.putAll(extra);
        return new Settings("meta", "facebook", values);
    }

    private static DestinationContext context() {
        return DestinationContext.builder().httpClient(HttpClient.newHttpClient()).clock(TODAY)
                .requestTimeout(Duration.ofSeconds(10)).sleeper(d -> { }).build();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private static List<Member> members(int from, int count) {
        List<Member> ms = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ms.add(new Member("c" + i, Map.of(IdentifierType.EMAIL, "person" + i + "@example.com",
                    IdentifierType.PHONE, "+1 415 555 " + String.format("%04d", i)), Map.of(), null));
        }
        return ms;
    }

    @Test
    void appSecretProofIsTheHmacOfTheTokenKeyedWithTheSecret() {
        // RFC 4231 test case 2: HMAC-SHA256(key "Jefe", message "what do ya want for nothing?")
        assertThat(GraphClient.appSecretProof("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void everyCallCarriesAProofTheSandboxAccepts() {
        Destination d = start(SECRET, Map.of("app_secret", Secret.of("${env:FB_SECRET}", SECRET)));
        d.check();
        AudienceRef a = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        BatchResult r = d.push(Batch.builder(a, Operation.ADD, members(0, 3)).totalInRun(3).lastBatch(true).build());
        assertThat(r.count(RowStatus.OK)).isEqualTo(3);
        assertThat(api.members(a.id())).hasSize(3);
        String requests = String.join("\n", server.server().getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl() + " " + e.getRequest().getBodyAsString()).toList());
        assertThat(requests).contains(GraphClient.appSecretProof(SECRET, TOKEN)).doesNotContain(SECRET);
    }

    @Test
    void aWrongAppSecretIsAnsweredAsMetaDoesAndExplained() {
        Destination d = start(SECRET, Map.of("app_secret", Secret.of("${env:FB_SECRET}", "another-apps-secret")));
        Throwable t = catchThrowable(d::check);
        assertThat(t).isInstanceOf(DestinationException.class).hasMessageContaining("appsecret_proof")
                .hasMessageContaining("app_secret").hasMessageNotContaining("another-apps-secret");
        assertThat(((DestinationException) t).code()).isEqualTo("APP_SECRET");
    }

    @Test
    void theDefaultVersionIsOneMetaStillServesAndExpiredOnesAreRefused() {
        assertThat(FacebookDestinationFactory.DEFAULT_VERSION).isEqualTo("v27.0");
        start(null, Map.of()).check();
        Destination old = new FacebookDestinationFactory().create(settings(Map.of("api_version", "v24.0")), context());
        open.add(old);
        Throwable t = catchThrowable(old::check);
        assertThat(t).isInstanceOf(DestinationException.class).hasMessageContaining("code 2635")
                .hasMessageContaining("set api_version").hasMessageContaining("v27.0");
        assertThat(((DestinationException) t).code()).isEqualTo("API_VERSION");
        assertThat(new FacebookDestinationFactory().validate(settings(Map.of("api_version", "21"))))
                .singleElement().asString().startsWith("api_version: '21' is not a Graph API version");
    }

    @Test
    void aRenamedAudienceIsFoundByItsStoredIdWithoutListing() {
        Destination d = start(null, Map.of());
        AudienceRef first = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        AudienceRef again = d.ensureAudience(new AudienceSpec("vip", "VIP renamed in the project", "brief")
                .withKnownId(first.id()));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.created()).isFalse();
        assertThat(api.audienceQueries()).endsWith("id " + first.id());
    }

    @Test
    void aDeletedAudienceIsRecreatedAndReportedAsCreated() {
        Destination d = start(null, Map.of());
        AudienceRef first = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        api.delete(first.id());
        AudienceRef again = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief").withKnownId(first.id()));
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.created()).isTrue();
        assertThat(api.audience(again.id()).path("name").asText()).isEqualTo("VIP");
    }

    @Test
    void aFlaggedAudienceIsExplainedInWordsAMarketerCanActOn() {
        Destination d = start(null, Map.of());
        AudienceRef a = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        api.flag(a.id());
        Throwable t = catchThrowable(() -> d.push(Batch.builder(a, Operation.ADD, members(0, 2)).totalInRun(2).build()));
        assertThat(t).isInstanceOf(DestinationException.class).hasMessageContaining("flagged")
                .hasMessageContaining("request a review").hasMessageContaining("rename");
        assertThat(((DestinationException) t).code()).isEqualTo("AUDIENCE_FLAGGED");
    }

    @Test
    void addsReturnTheHashesThatRemoveTheMemberLaterWithoutItsIdentifiers() {
        Destination d = start(null, Map.of());
        AudienceRef a = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        BatchResult added = d.push(Batch.builder(a, Operation.ADD, members(0, 4)).totalInRun(4).lastBatch(true).build());
        String handle = added.rows().get(0).destinationId();
        assertThat(handle).isEqualTo("EMAIL:" + MetaNormalizer.sha256("person0@example.com") + ",PHONE:"
                + MetaNormalizer.sha256("14155550000"));
        Map<String, String> handles = new LinkedHashMap<>();
        added.rows().forEach(r -> handles.put(r.key(), r.destinationId()));
        // erased customers (c0, c1) arrive with no identifiers; c2 changed its email and phone since the upload
        List<Member> removes = List.of(new Member("c0", Map.of(), Map.of(), handles.get("c0")),
                new Member("c1", Map.of(), Map.of(), handles.get("c1")),
                new Member("c2", Map.of(IdentifierType.EMAIL, "new-address@example.com"), Map.of(), handles.get("c2")));
        BatchResult removed = d.push(Batch.builder(a, Operation.REMOVE, removes).totalInRun(3).lastBatch(true).build());
        assertThat(removed.count(RowStatus.OK)).isEqualTo(3);
        assertThat(api.members(a.id())).containsExactly("EMAIL:" + MetaNormalizer.sha256("person3@example.com"));
    }

    @Test
    void aStoredHandleHoldsHashesOnly() {
        assertThat(RemovalHandle.parse("c1", "EMAIL:person@example.com")).isEmpty();
        assertThat(RemovalHandle.parse("c1", null)).isEmpty();
        String h = MetaNormalizer.sha256("x");
        assertThat(RemovalHandle.parse("c1", "PHONE:" + h).orElseThrow().values()).containsEntry(MatchKey.PHONE, h);
    }

    @Test
    void theSandboxRefusesWhatMetaRefuses() {
        start(null, Map.of());
        Destination d = new FacebookDestinationFactory().create(settings(Map.of()), context());
        open.add(d);
        String audience = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief")).id();
        GraphClient graph = new GraphClient(new FacebookOptions(server.baseUrl(), "v27.0",
                Secret.of("${env:FB_TOKEN}", TOKEN), Optional.empty(), "act_1234567890", "USER_PROVIDED_ONLY",
                Optional.empty(), 60), context());
        String row = "[\"" + MetaNormalizer.sha256("a@example.com") + "\",\"\"]";
        String session = "{\"session_id\":7,\"batch_seq\":1,\"last_batch_flag\":true}";
        assertThat(refused(graph, audience, "{\"data\":[" + row + "]}", session)).contains("schema");
        assertThat(refused(graph, audience, "{\"schema\":[\"EMAIL\",\"PHONE\"],\"data\":[" + row + "]}", session))
                .contains("is_raw");
        assertThat(refused(graph, audience, "{\"schema\":[\"EMAIL\",\"PHONE\"],\"is_raw\":true,\"data\":[" + row + "]}",
                "{\"session_id\":7}")).contains("session");
        StringBuilder big = new StringBuilder("{\"schema\":[\"EMAIL\",\"PHONE\"],\"is_raw\":true,\"data\":[");
        for (int i = 0; i <= 10_000; i++) big.append(i == 0 ? "" : ",").append(row);
        assertThat(refused(graph, audience, big.append("]}").toString(), session)).contains("code 100");
        assertThat(graph.call("POST", audience + "/users", Map.of("payload",
                "{\"schema\":[\"EMAIL\",\"PHONE\"],\"is_raw\":true,\"data\":[" + row + "]}", "session", session))
                .json().path("num_received").asInt()).isEqualTo(1);
    }

    private static String refused(GraphClient graph, String audience, String payload, String session) {
        Throwable t = catchThrowable(() -> graph.call("POST", audience + "/users",
                Map.of("payload", payload, "session", session)));
        assertThat(t).isInstanceOf(DestinationException.class);
        return t.getMessage();
    }
}
