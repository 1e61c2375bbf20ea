package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.time.Sleeper;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import io.seglift.toolkit.http.BaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conformance kit against the real Klaviyo API, with the private key in {@code SEGLIFT_KLAVIYO_API_KEY} (scopes
 * lists:read, lists:write, profiles:read, profiles:write; use a test account). Skipped without the key; never part of
 * the default build ({@code live} is an excluded group): run it with
 * {@code mvn -B test -pl connectors/destinations/klaviyo -am -Dgroups=live -DexcludedGroups= -Dtest=KlaviyoLiveTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Tests that need a failure injected (429, 503, a reset) are aborted: a real
 * API cannot be made to fail on purpose. Lists the kit created are deleted afterwards. Test emails use the domain in
 * {@code SEGLIFT_KLAVIYO_TEST_DOMAIN} (default {@code example.com}).
 */
@Tag("live")
class KlaviyoLiveTest extends DestinationConformanceTest {
    private static final String KEY_VARIABLE = "SEGLIFT_KLAVIYO_API_KEY";

    @Override
    protected String type() {
        return "klaviyo";
    }

    @Override
    protected DestinationContext context() {
        return DestinationContext.builder().requestTimeout(Duration.ofSeconds(30)).sleeper(d -> {
            waits.add(d);
            Sleeper.SYSTEM.sleep(d);
        }).build();
    }

    @Override
    protected SandboxHandle startSandbox() {
        String key = System.getenv(KEY_VARIABLE);
        Assumptions.assumeTrue(key != null && !key.isBlank(), KEY_VARIABLE + " is not set: live Klaviyo test skipped");
        LiveKlaviyo live = new LiveKlaviyo(key);
        live.deleteListsNamed("Seglift · conformance idem");
        return live;
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        String key = System.getenv(KEY_VARIABLE);
        return new Settings("klaviyo_live", "klaviyo", Map.of(
                "base_url", baseUrl,
                "api_key", Secret.of("${env:" + KEY_VARIABLE + "}", validCredentials ? key : "pk_not_a_valid_seglift_key"),
                "job_poll_interval", "2s",
                "job_timeout", "5m"));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "seglift-live-" + index + "@" + domain(),
                IdentifierType.FIRST_NAME, "Ada"), Map.of("seglift_segment", "conformance"), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "no-at-sign." + domain()), Map.of(), null);
    }

    private static String domain() {
        String d = System.getenv("SEGLIFT_KLAVIYO_TEST_DOMAIN");
        return d == null || d.isBlank() ? "example.com" : d.trim();
    }

    /** Reads list membership from Klaviyo itself ({@code GET /api/lists/{id}/profiles}) and deletes the lists it saw. */
    private final class LiveKlaviyo implements SandboxHandle {
        private final KlaviyoClient client;
        private final Set<String> lists = new LinkedHashSet<>();

        LiveKlaviyo(String key) {
            KlaviyoOptions options = new KlaviyoOptions(BaseUrl.parse("klaviyo_live.base_url",
                    KlaviyoDestinationFactory.DEFAULT_BASE_URL), Secret.of("${env:" + KEY_VARIABLE + "}", key),
                    Duration.ofSeconds(2), Duration.ofMinutes(5));
            this.client = new KlaviyoClient(options, context());
        }

        @Override
        public String baseUrl() {
            return KlaviyoDestinationFactory.DEFAULT_BASE_URL;
        }

        @Override
        public void failRowsForNow(int rows) {
            // Klaviyo has no per-row transient answer (the conformance test declares whole-request-only), so there is
            // nothing to stage and the kit checks no row fails
        }

        @Override
        public int memberCount(String audienceId) {
            lists.add(audienceId);
            int count = 0;
            String next = "/api/lists/" + encode(audienceId) + "/profiles?page%5Bsize%5D=100";
            while (next != null) {
                JsonNode page = client.call("GET", next, null);
                count += page.path("data").size();
                next = relative(page.path("links").path("next").asText(null));
            }
            return count;
        }

        @Override
        public boolean contains(String audienceId, Member member) {
            lists.add(audienceId);
            String email = member.identifier(IdentifierType.EMAIL).toLowerCase(Locale.ROOT);
            String filter = "equals(email,\"" + email + "\")";
            return client.call("GET", "/api/lists/" + encode(audienceId) + "/profiles?filter=" + encode(filter), null)
                    .path("data").size() > 0;
        }

        @Override
        public Duration injectRateLimit(Duration wait) {
            Assumptions.abort("a live API cannot be made to answer 429 on purpose");
            return wait;
        }

        @Override
        public void injectServerError() {
            Assumptions.abort("a live API cannot be made to answer 503 on purpose");
        }

        @Override
        public void injectConnectionReset() {
            Assumptions.abort("a live API cannot be made to drop a connection on purpose");
        }

        @Override
        public void close() {
            for (String id : lists) client.find("/api/lists/" + encode(id)).ifPresent(l ->
                    client.call("DELETE", "/api/lists/" + encode(id), null));
        }

        /** Deletes lists left by an earlier run under a name the kit expects to create. */
        void deleteListsNamed(String name) {
            String filter = "equals(name,\"" + name + "\")";
            for (JsonNode l : client.call("GET", "/api/lists?filter=" + encode(filter), null).path("data")) {
                client.call("DELETE", "/api/lists/" + encode(l.path("id").asText()), null);
            }
        }

        private String relative(String link) {
            if (link == null || link.isBlank()) return null;
            URI uri = URI.create(link);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        private String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
