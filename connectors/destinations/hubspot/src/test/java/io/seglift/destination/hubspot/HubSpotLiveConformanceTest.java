package io.seglift.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conformance kit against the real HubSpot API, at the default API version. Runs only when
 * {@code SEGLIFT_HUBSPOT_TOKEN} holds a service key (scopes: crm.objects.contacts.read/write, crm.lists.read/write,
 * crm.schemas.contacts.read/write) of a test portal, and only in the {@code live} Maven profile ({@code mvn -B test -Plive -pl connectors/destinations/hubspot -am});
 * skipped otherwise. It
 * creates contacts ({@code customerN@example.com}) and lists named {@code Seglift · conformance_...} there. Faults
 * cannot be caused on demand in a real portal, so the kit's fault tests are skipped.
 */
@Tag("live")
class HubSpotLiveConformanceTest extends DestinationConformanceTest {
    private static final String TOKEN = System.getenv("SEGLIFT_HUBSPOT_TOKEN");
    private static final String BASE_URL = System.getenv().getOrDefault("SEGLIFT_HUBSPOT_BASE_URL",
            HubSpotDestinationFactory.DEFAULT_BASE_URL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void needsCredentials() {
        Assumptions.assumeTrue(TOKEN != null && !TOKEN.isBlank(), "SEGLIFT_HUBSPOT_TOKEN is not set: live HubSpot test skipped");
    }

    @Override
    protected String type() {
        return "hubspot";
    }

    @Override
    protected boolean absentRemovesAreOk() {
        return false;
    }

    @Override
    protected SandboxHandle startSandbox() {
        return new LivePortal();
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        return new Settings("hubspot_live", "hubspot", Map.of("base_url", baseUrl,
                "token", Secret.of("${env:SEGLIFT_HUBSPOT_TOKEN}", validCredentials ? TOKEN : "pat-na1-revoked-token")));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "customer" + index + "@example.com"),
                Map.of("seglift_segment", "conformance"), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "no-at-sign.example.com"), Map.of(), null);
    }

    /** Reads list memberships from the portal; it cannot inject faults. */
    private static final class LivePortal implements SandboxHandle {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ApiVersion version = ApiVersion.newest();

        @Override
        public String baseUrl() {
            return BASE_URL;
        }

        @Override
        public int memberCount(String audienceId) {
            return memberIds(audienceId).size();
        }

        @Override
        public void failRowsForNow(int rows) {
            org.junit.jupiter.api.Assumptions.abort("a real portal cannot be made to fail rows on demand");
        }

        @Override
        public boolean contains(String audienceId, Member member) {
            String email = member.identifier(IdentifierType.EMAIL).trim().toLowerCase(Locale.ROOT);
            String body = "{\"idProperty\":\"email\",\"properties\":[\"email\"],\"propertiesWithHistory\":[],"
                    + "\"inputs\":[{\"id\":" + JSON.valueToTree(email) + "}]}";
            JsonNode r = call("POST", version.contacts("/batch/read"), body);
            for (JsonNode res : r.path("results")) {
                if (memberIds(audienceId).contains(res.path("id").asText())) return true;
            }
            return false;
        }

        private Set<String> memberIds(String listId) {
            Set<String> ids = new HashSet<>();
            String after = null;
            do {
                JsonNode page = call("GET", version.lists("/" + listId + "/memberships?limit=250"
                        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))), null);
                page.path("results").forEach(n -> ids.add(n.path("recordId").asText()));
                after = page.path("paging").path("next").path("after").asText(null);
            } while (after != null);
            return ids;
        }

        private JsonNode call(String method, String path, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 300 && r.statusCode() != 207) {
                    throw new AssertionError("HubSpot answered " + r.statusCode() + " to " + method + " " + path.replaceAll("\\?.*", ""));
                }
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("HubSpot could not be reached: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        @Override
        public Duration injectRateLimit(Duration wait) {
            Assumptions.abort("a real HubSpot portal cannot be rate-limited on demand");
            return wait;
        }

        @Override
        public void injectServerError() {
            Assumptions.abort("a real HubSpot portal cannot fail on demand");
        }

        @Override
        public void injectConnectionReset() {
            Assumptions.abort("a real HubSpot portal cannot drop a connection on demand");
        }

        @Override
        public void close() {
        }
    }
}
