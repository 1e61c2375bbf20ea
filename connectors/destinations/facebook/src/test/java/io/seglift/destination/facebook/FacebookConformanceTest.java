package io.seglift.destination.facebook;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Facebook Custom Audiences against the Graph API sandbox, through the conformance kit. */
class FacebookConformanceTest extends DestinationConformanceTest {
    static final String TOKEN = "EAAB-sandbox-token-0123456789";
    private FacebookSandboxApi graph;

    @Override
    protected String type() {
        return "facebook";
    }

    @Override
    protected SandboxHandle startSandbox() {
        FacebookSandboxApi api = new FacebookSandboxApi(TOKEN::equals);
        graph = api;
        SandboxServer server = SandboxServer.serve(api);
        return new SandboxHandle() {
            public String baseUrl() { return server.baseUrl(); }
            public int memberCount(String audienceId) { return api.members(audienceId).size(); }
            public boolean contains(String audienceId, Member m) {
                String email = m.identifier(IdentifierType.EMAIL).trim().toLowerCase(Locale.ROOT);
                return api.members(audienceId).contains("EMAIL:" + MetaNormalizer.sha256(email));
            }
            public Duration injectRateLimit(Duration wait) {
                server.faults().rateLimitOnce(api, wait);
                return Duration.ofMinutes(Math.max(1, (wait.toSeconds() + 59) / 60));
            }
            public void injectServerError() { server.faults().serverErrorOnce(api); }
            public void injectConnectionReset() { server.faults().connectionResetOnce(); }
            public void failRowsForNow(int rows) { server.failRowsForNow(rows); }
            public void close() { server.close(); }
        };
    }

    @AfterEach
    void noUnhashedIdentifierReachedTheSandbox() {
        assertThat(graph.unhashedValuesReceived()).isZero();
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        return new Settings("meta_ads", "facebook", Map.of(
                "base_url", baseUrl,
                "access_token", Secret.of("${env:FB_TOKEN}", validCredentials ? TOKEN : "EAAB-expired-token"),
                "ad_account_id", "act_1234567890",
                "default_country_code", "1"));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, " Buyer" + index + "@Example.com ",
                IdentifierType.PHONE, "(415) 555-" + String.format("%04d", index % 10_000),
                IdentifierType.FIRST_NAME, "Zoë", IdentifierType.LAST_NAME, "O'Brien",
                IdentifierType.ZIP, "94105-1234", IdentifierType.COUNTRY, "US"), Map.of(), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "buyer-at-example", IdentifierType.FIRST_NAME, "Ann"),
                Map.of(), null);
    }

    /**
     * Meta's custom audience users endpoint answers an upload with num_received, num_invalid_entries and
     * invalid_entry_samples (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/): an
     * invalid entry is permanent; throttling and temporary errors fail the whole request
     * (https://developers.facebook.com/docs/marketing-api/error-reference/).
     */
    @Override
    protected java.util.Optional<String> transientFailuresAreWholeRequestOnly() {
        return java.util.Optional.of("Meta reports only invalid (permanent) entries per upload; throttling and temporary errors fail the whole request");
    }
}
