package io.seglift.destination.facebook;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSize;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.destination.UploadStats;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class FacebookDestinationTest {
    private FacebookSandboxApi api;
    private SandboxServer server;
    private Destination destination;

    @BeforeEach
    void start() {
        api = new FacebookSandboxApi(FacebookConformanceTest.TOKEN::equals);
        server = SandboxServer.serve(api);
        destination = create(Map.of());
    }

    private Destination create(Map<String, Object> extra) {
        return new FacebookDestinationFactory().create(settings(extra), DestinationContext.defaults());
    }

    private Settings settings(Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("base_url", server.baseUrl(),
                "access_token", Secret.of("${env:FB_TOKEN}", FacebookConformanceTest.TOKEN),
                "ad_account_id", "1234567890", "customer_file_source", "USER_PROVIDED_ONLY"));
        values.putAll(extra);
        return new Settings("meta", "facebook", values);
    }

    @AfterEach
    void stop() {
        destination.close();
        server.close();
    }

    private static List<Member> members(int from, int count) {
        List<Member> ms = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ms.add(new Member("c" + i, Map.of(IdentifierType.EMAIL, "person" + i + "@example.com",
                    IdentifierType.PHONE, "+1 415 555 " + String.format("%04d", i % 10_000)), Map.of(), null));
        }
        return ms;
    }

    @Test
    void createsACustomerListAudienceWithTheBriefAndFindsItAgainAcrossPages() {
        for (int i = 0; i < 7; i++) {
            destination.ensureAudience(new AudienceSpec("filler" + i, "Filler " + i, "x"));
        }
        AudienceSpec spec = new AudienceSpec("lapsed", "Seglift · Lapsed", "Hypothesis: a winback ad lifts repeat rate.");
        AudienceRef created = destination.ensureAudience(spec);
        assertThat(api.audience(created.id()).path("subtype").asText()).isEqualTo("CUSTOM");
        assertThat(api.audience(created.id()).path("customer_file_source").asText()).isEqualTo("USER_PROVIDED_ONLY");
        assertThat(api.audience(created.id()).path("description").asText()).isEqualTo(spec.description());
        Destination small = create(Map.of());
        assertThat(small.ensureAudience(spec)).isEqualTo(new AudienceRef(created.id(), spec.displayName(), false));
        assertThat(api.audienceQueries()).as("looked up by a name filter, never by listing every audience")
                .isNotEmpty().allMatch(q -> q.startsWith("list [{\"field\":\"name\",\"operator\":\"EQUAL\""));
    }

    @Test
    void onlyHashesLeaveTheProcess() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        destination.push(Batch.builder(a, Operation.ADD, members(0, 50)).totalInRun(50).build());
        assertThat(api.unhashedValuesReceived()).isZero();
        assertThat(api.rowsReceived()).isEqualTo(50);
        String bodies = String.join("\n", server.server().getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl() + " " + e.getRequest().getBodyAsString()).toList());
        assertThat(bodies).doesNotContain("example.com").doesNotContain("%40example").doesNotContain("4155550001")
                .contains(MetaNormalizer.sha256("person1@example.com"));
    }

    @Test
    void batchesOfOneRunShareAnUploadSessionNumberedFromOne() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        for (int b = 0; b < 3; b++) {
            destination.push(Batch.builder(a, Operation.ADD, members(b * 10, 10)).sequence(b).lastBatch(b == 2).totalInRun(30).build());
        }
        List<String> log = api.sessionLog();
        assertThat(log).hasSize(3);
        String sessionId = log.get(0).split(" ")[1];
        assertThat(log).containsExactly("users " + sessionId + " 1 false 30", "users " + sessionId + " 2 false 30",
                "users " + sessionId + " 3 true 30");
        assertThat(api.members(a.id())).hasSize(30);
    }

    @Test
    void fullRefreshIsRefusedBecauseUsersReplaceWouldShrinkTheAudienceToTheIncrement() {
        List<String> problems = new FacebookDestinationFactory().validate(settings(Map.of("full_refresh", true)));
        assertThat(problems).singleElement().asString().startsWith("full_refresh: true is not supported")
                .contains("usersreplace").contains("mode: mirror");
        assertThat(new FacebookDestinationFactory().validate(settings(Map.of("full_refresh", false)))).isEmpty();
        assertThat(catchThrowable(() -> create(Map.of("full_refresh", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode: mirror");
        assertThat(new FacebookDestinationFactory().capabilities(settings(Map.of())).supportsRemove()).isTrue();
    }

    @Test
    void aRunOfAddsNeverTouchesUsersReplace() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        destination.push(Batch.builder(a, Operation.ADD, members(0, 20)).totalInRun(20).lastBatch(true).build());
        destination.push(Batch.builder(a, Operation.ADD, members(100, 5)).totalInRun(5).lastBatch(true).build());
        assertThat(api.members(a.id())).hasSize(25);
        assertThat(api.sessionLog()).allMatch(l -> l.startsWith("users "));
    }

    @Test
    void entriesMetaReportsInvalidBecomeRejectedRows() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        api.refuse(MetaNormalizer.sha256("person3@example.com"));
        BatchResult r = destination.push(Batch.builder(a, Operation.ADD, members(0, 6)).totalInRun(6).build());
        assertThat(r.rows()).filteredOn(x -> x.status() == RowStatus.REJECTED).singleElement()
                .satisfies(x -> {
                    assertThat(x.key()).isEqualTo("c3");
                    assertThat(x.code()).isEqualTo("INVALID_ENTRY");
                });
        assertThat(r.count(RowStatus.OK)).isEqualTo(5);
    }

    @Test
    void reportsMetasReceivedAndInvalidCountsAndTheApproximateAudienceSize() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        api.refuse(MetaNormalizer.sha256("person3@example.com"));
        api.refuse(MetaNormalizer.sha256("person4@example.com"));
        BatchResult r = destination.push(Batch.builder(a, Operation.ADD, members(0, 8)).totalInRun(8).lastBatch(true).build());
        assertThat(r.uploadStats()).contains(new UploadStats(8, 2));
        assertThat(r.uploadStats().orElseThrow().matchRate()).isEqualTo(0.75);
        assertThat(destination.audienceSize(a)).contains(new AudienceSize(6, 6));
    }

    @Test
    void throttlingWaitsForTheEstimatedTimeToRegainAccess() {
        AudienceRef a = destination.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
        server.faults().once(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withHeader("x-business-use-case-usage",
                        "{\"99\":[{\"type\":\"custom_audience\",\"estimated_time_to_regain_access\":3},"
                                + "{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":7}]}")
                .withBody("{\"error\":{\"message\":\"User request limit reached\",\"type\":\"OAuthException\",\"code\":17}}"));
        Throwable t = catchThrowable(() -> destination.push(Batch.builder(a, Operation.ADD, members(0, 2)).totalInRun(2).build()));
        assertThat(t).isInstanceOf(RetriableDestinationException.class);
        assertThat(((RetriableDestinationException) t).retryAfter()).contains(Duration.ofMinutes(7));
        assertThat(((RetriableDestinationException) t).code()).isEqualTo("17");
    }

    @Test
    void anExpiredTokenSaysToGenerateANewOne() {
        Destination expired = create(Map.of("access_token", Secret.of("${env:FB_TOKEN}", "EAAB-expired")));
        Throwable t = catchThrowable(expired::check);
        assertThat(t).isInstanceOf(DestinationException.class).hasMessageContaining("generate a new system-user token")
                .hasMessageContaining("code 190").hasMessageNotContaining("EAAB-expired");
        assertThat(((DestinationException) t).code()).isEqualTo("TOKEN");
    }
}
