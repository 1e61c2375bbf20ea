package io.seglift.destination.klaviyo;

import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Klaviyo against its sandbox through the conformance kit; when Klaviyo's OpenAPI spec is present, every request each
 * test sent is also validated against it.
 */
class KlaviyoConformanceTest extends DestinationConformanceTest {
    static final String KEY = "pk_test_0123456789abcdef";
    private SandboxServer klaviyo;

    @Override
    protected String type() {
        return "klaviyo";
    }

    @Override
    protected SandboxHandle startSandbox() {
        KlaviyoSandboxApi k = new KlaviyoSandboxApi(KEY::equals);
        klaviyo = SandboxServer.serve(k);
        SandboxServer server = klaviyo;
        return new SandboxHandle() {
            public String baseUrl() { return server.baseUrl(); }
            public int memberCount(String audienceId) { return k.memberCount(audienceId); }
            public boolean contains(String audienceId, Member m) {
                return k.memberEmails(audienceId).contains(m.identifier(IdentifierType.EMAIL).toLowerCase(Locale.ROOT));
            }
            public Duration injectRateLimit(Duration wait) {
                server.faults().rateLimitOnce(k, wait);
                return wait;
            }
            public void injectServerError() { server.faults().serverErrorOnce(k); }
            public void injectConnectionReset() { server.faults().connectionResetOnce(); }
            public void failRowsForNow(int rows) { server.failRowsForNow(rows); }
            public void close() { server.close(); }
        };
    }

    @BeforeAll
    static void loadSpecOutsideTheLogCapture() {
        KlaviyoSpec.file().ifPresent(f -> KlaviyoSpec.validator());
    }

    @AfterEach
    void everyRequestConformsToKlaviyosSpec() {
        if (KlaviyoSpec.file().isEmpty()) return;
        assertThat(KlaviyoSpec.violations(klaviyo.server())).as("requests that do not conform to Klaviyo's OpenAPI spec")
                .isEmpty();
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        return new Settings("klaviyo_email", "klaviyo", Map.of(
                "base_url", baseUrl,
                "api_key", Secret.of("${env:KLAVIYO_API_KEY}", validCredentials ? KEY : "pk_wrong_key_value"),
                "job_poll_interval", "1ms"));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "Shopper" + index + "@Example.com",
                IdentifierType.PHONE, "+1415555" + String.format("%04d", index % 10_000),
                IdentifierType.FIRST_NAME, "Ada"), Map.of("seglift_segment", "vip"), null);
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "no-at-sign.example.com"), Map.of(), null);
    }

    /**
     * Klaviyo's bulk profile import reports, per profile, only the input it refused (import-error: code, title,
     * detail, source.pointer; https://developers.klaviyo.com/en/reference/get_errors_for_bulk_import_profiles_job),
     * none documented as transient; transient failures answer the whole request (429 with Retry-After, 5xx:
     * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling).
     */
    @Override
    protected java.util.Optional<String> transientFailuresAreWholeRequestOnly() {
        return java.util.Optional.of("Klaviyo's import errors are per-profile refusals of the input; transient failures are whole-request 429/5xx");
    }
}
