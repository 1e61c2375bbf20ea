package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's lookalike endpoint as Meta's lookalike guide describes it
 * (https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/guides/lookalike-audiences):
 * ratio and country checks, the 100-member source minimum, duplicates, and the audience's approximate counts.
 */
class FacebookSandboxLookalikeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FacebookSandboxApi api;
    private SandboxServer server;
    private String source;

    @BeforeEach
    void start() throws Exception {
        api = new FacebookSandboxApi(FacebookConformanceTest.TOKEN::equals);
        server = SandboxServer.serve(api);
        source = call("POST", "act_1/customaudiences", Map.of("name", "src", "subtype", "CUSTOM",
                "customer_file_source", "USER_PROVIDED_ONLY")).path("id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode call(String method, String path, Map<String, String> params) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("access_token", FacebookConformanceTest.TOKEN);
        String form = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = server.baseUrl() + "/v27.0/" + path;
        HttpRequest request = method.equals("GET")
                ? HttpRequest.newBuilder(URI.create(url + "?" + form)).GET().build()
                : HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private void fill(int people) throws Exception {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < people; i++) {
            data.append(i == 0 ? "" : ",").append("[\"").append(MetaNormalizer.sha256("p" + i + "@example.com")).append("\"]");
        }
        call("POST", source + "/users", Map.of("payload", "{\"schema\":[\"EMAIL\"],\"data\":[" + data + "]}"));
    }

    private JsonNode lookalike(String spec) throws Exception {
        return call("POST", "act_1/customaudiences", Map.of("name", "lal", "subtype", "LOOKALIKE",
                "origin_audience_id", source, "lookalike_spec", spec));
    }

    @Test
    void theAudienceReportsItsApproximateCountBounds() throws Exception {
        fill(42);
        JsonNode a = call("GET", source, Map.of("fields", "approximate_count_lower_bound,approximate_count_upper_bound"));
        assertThat(a.path("approximate_count_lower_bound").asLong()).isEqualTo(42);
        assertThat(a.path("approximate_count_upper_bound").asLong()).isEqualTo(42);
    }

    @Test
    void aSourceBelowOneHundredPeopleIsRefusedAsTooSmall() throws Exception {
        fill(99);
        JsonNode answer = lookalike("{\"ratio\":0.01,\"country\":\"US\"}");
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(100);
        assertThat(answer.path("error").path("error_user_title").asText()).isEqualTo("Source Audience is Too Small");
        assertThat(api.lookalikesCreated()).isZero();
    }

    @Test
    void ratioAndCountryAreChecked() throws Exception {
        fill(100);
        for (String bad : new String[] {"{\"ratio\":0.25,\"country\":\"US\"}", "{\"ratio\":0.015,\"country\":\"US\"}",
                "{\"ratio\":0.01}", "{\"ratio\":0.01,\"country\":\"UK\"}", "{\"country\":\"US\"}"}) {
            assertThat(lookalike(bad).path("error").path("code").asInt()).as(bad).isEqualTo(100);
        }
        assertThat(api.lookalikesCreated()).isZero();
    }

    @Test
    void aFilledSourceGetsOneLookalikeListedWithItsSubtypeAndADuplicateIsRefused() throws Exception {
        fill(100);
        String id = lookalike("{\"ratio\":0.01,\"country\":\"US\"}").path("id").asText();
        assertThat(id).isNotBlank();
        JsonNode listed = call("GET", "act_1/customaudiences", Map.of("fields", "id,name,subtype",
                "filtering", "[{\"field\":\"name\",\"operator\":\"EQUAL\",\"value\":\"lal\"}]"));
        assertThat(listed.path("data").get(0).path("subtype").asText()).isEqualTo("LOOKALIKE");
        JsonNode duplicate = lookalike("{\"ratio\":0.01,\"country\":\"US\"}");
        assertThat(duplicate.path("error").path("code").asInt()).isEqualTo(2654);
        assertThat(lookalike("{\"ratio\":0.02,\"location_spec\":{\"geo_locations\":{\"countries\":[\"US\",\"GB\"]}}}")
                .path("id").asText()).isNotBlank();
        assertThat(api.lookalikesOf(source)).hasSize(2);
    }
}
