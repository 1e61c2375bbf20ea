package io.seglift.destination.klaviyo;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.testkit.SandboxServer;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox answers as Klaviyo's spec says it answers: its error responses (401, 400, 404, 413, 429) match
 * {@code components.responses.ClientError}, its import errors {@code ImportErrorResponseObjectResource} (with
 * {@code original_payload}), its lists, jobs and profiles their collection schemas. Needs the spec in ../shared.
 */
@Tag("acceptance")
class KlaviyoSandboxResponsesConformTest {

    @BeforeAll
    static void specPresent() {
        assertThat(KlaviyoSpec.file()).as("Klaviyo OpenAPI spec in ../shared/specs").isPresent();
        KlaviyoSpec.responseValidator();
    }

    @Test
    void everyResponseOfAFlowWithErrorsConformsToTheSpec() throws Exception {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            d.ensureAudience(new AudienceSpec("vip", "VIP", "brief").withKnownId(list.id()));
            d.ensureAudience(new AudienceSpec("old", "Old", "brief").withKnownId("NO_SUCH_LIST"));
            List<Member> ms = List.of(
                    new Member("a", Map.of(IdentifierType.EMAIL, "a@example.com"), Map.of("tier", "gold"), null),
                    new Member("bad", Map.of(IdentifierType.EMAIL, "not-an-email"), Map.of(), null),
                    new Member("p", Map.of(IdentifierType.PHONE, "+14155550100"), Map.of(), null));
            d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(3).build());
            d.push(Batch.builder(list, Operation.REMOVE, ms).totalInRun(3).build());
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 6_000; i++) {
                if (i > 0) big.append(',');
                big.append("{\"type\":\"profile\",\"attributes\":{\"email\":\"p").append(i)
                        .append("@example.com\",\"properties\":{\"pad\":\"").append("y".repeat(900)).append("\"}}}");
            }
            assertThat(KlaviyoImportLimitsTest.postJob(k, list.id(), big.toString()).statusCode()).isEqualTo(413);
            assertThat(KlaviyoImportLimitsTest.postJob(k, list.id(), "{\"type\":\"profile\",\"attributes\":{"
                    + "\"email\":\"h@example.com\",\"properties\":{\"pad\":\"" + "z".repeat(100_001) + "\"}}}")
                    .statusCode()).isEqualTo(400);
            assertThat(get(k, "/api/lists", "Klaviyo-API-Key pk_wrong", KlaviyoClient.REVISION)).isEqualTo(401);
            assertThat(get(k, "/api/lists", "Klaviyo-API-Key " + KlaviyoConformanceTest.KEY, "latest")).isEqualTo(400);
            k.server.faults().rateLimitOnce(k.api, Duration.ofSeconds(3));
            assertThat(get(k, "/api/lists", "Klaviyo-API-Key " + KlaviyoConformanceTest.KEY, KlaviyoClient.REVISION))
                    .isEqualTo(429);

            assertThat(k.server.server().getAllServeEvents().stream().map(e -> e.getResponse().getStatus()).distinct())
                    .contains(200, 201, 202, 204, 400, 401, 404, 413, 429);
            assertThat(KlaviyoSpec.responseViolations(k.server.server()))
                    .as("sandbox responses that do not conform to Klaviyo's OpenAPI spec").isEmpty();
        }
    }

    @Test
    void theValidatorReportsAnErrorResponseThatBreaksTheSpec() throws Exception {
        SandboxApi broken = (request, partialFailure, failRow) -> new SandboxResponse(400,
                Map.of("Content-Type", "application/vnd.api+json"),
                "{\"errors\":[{\"status\":400,\"title\":\"no id, code or detail\"}]}");
        try (SandboxServer server = SandboxServer.serve(broken)) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/lists"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(KlaviyoSpec.responseViolations(server.server())).singleElement().asString()
                    .contains("GET /api/lists -> 400");
        }
    }

    private static int get(KlaviyoFixture k, String path, String auth, String revision) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(k.server.baseUrl() + path))
                .header("Authorization", auth).header("revision", revision).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
