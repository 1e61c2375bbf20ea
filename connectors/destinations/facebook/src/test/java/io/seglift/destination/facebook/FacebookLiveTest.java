package io.seglift.destination.facebook;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The conformance kit against the real Graph API, for {@code mvn -B verify -Plive -pl connectors/destinations/facebook
 * -am}. Runs only when {@code SEGLIFT_FACEBOOK_ACCESS_TOKEN} and {@code SEGLIFT_FACEBOOK_AD_ACCOUNT_ID} are set
 * ({@code SEGLIFT_FACEBOOK_APP_SECRET} too when the app requires {@code appsecret_proof}); skips otherwise. It creates
 * customer-list audiences named after the kit's test audiences in that ad account and leaves them there. Meta does not
 * show an audience's members, nor lets a client inject faults, so the kit's checks that need either are skipped here;
 * they run against the sandbox in {@link FacebookConformanceTest}.
 */
@Tag("live")
class FacebookLiveTest extends DestinationConformanceTest {
    private static final String TOKEN = System.getenv("SEGLIFT_FACEBOOK_ACCESS_TOKEN");
    private static final String ACCOUNT = System.getenv("SEGLIFT_FACEBOOK_AD_ACCOUNT_ID");
    private static final String APP_SECRET = System.getenv("SEGLIFT_FACEBOOK_APP_SECRET");

    @Override
    protected String type() {
        return "facebook";
    }

    @BeforeAll
    static void onlyWithCredentials() {
        Assumptions.assumeTrue(TOKEN != null && !TOKEN.isBlank() && ACCOUNT != null && !ACCOUNT.isBlank(),
                "SEGLIFT_FACEBOOK_ACCESS_TOKEN and SEGLIFT_FACEBOOK_AD_ACCOUNT_ID are not set");
    }

    @Override
    protected SandboxHandle startSandbox() {
        return new SandboxHandle() {
            public String baseUrl() { return FacebookDestinationFactory.DEFAULT_BASE_URL; }
            public int memberCount(String audienceId) { return unobservable(); }
            public boolean contains(String audienceId, Member m) { return unobservable() > 0; }
            public Duration injectRateLimit(Duration wait) { unobservable(); return wait; }
            public void injectServerError() { unobservable(); }
            public void injectConnectionReset() { unobservable(); }
            public void failRowsForNow(int rows) { }   // whole-request-only: nothing to stage (see the conformance test)
            public void close() { }
        };
    }

    private static int unobservable() {
        Assumptions.abort("Meta shows neither an audience's members nor lets a client inject faults; see the sandbox test");
        return 0;
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        Map<String, Object> values = new HashMap<>(Map.of("base_url", baseUrl,
                "access_token", Secret.of("${env:SEGLIFT_FACEBOOK_ACCESS_TOKEN}",
                        validCredentials ? TOKEN : "EAAB-deliberately-invalid-token"),
                "ad_account_id", ACCOUNT, "default_country_code", "1"));
        if (APP_SECRET != null && !APP_SECRET.isBlank()) {
            values.put("app_secret", Secret.of("${env:SEGLIFT_FACEBOOK_APP_SECRET}", APP_SECRET));
        }
        return new Settings("meta_live", "facebook", values);
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "seglift-live-" + index + "@example.com"), Map.of(), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "not-an-address", IdentifierType.FIRST_NAME, "Ann"),
                Map.of(), null);
    }
}
