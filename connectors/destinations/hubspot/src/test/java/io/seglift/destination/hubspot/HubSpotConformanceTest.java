package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.DestinationConformanceTest;
import io.seglift.testkit.SandboxHandle;
import io.seglift.testkit.SandboxServer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** HubSpot static contact lists against the HubSpot sandbox, through the conformance kit. */
class HubSpotConformanceTest extends DestinationConformanceTest {
    static final String TOKEN = "pat-na1-0123456789abcdef";

    @Override
    protected String type() {
        return "hubspot";
    }

    @Override
    protected SandboxHandle startSandbox() {
        HubSpotSandboxApi api = new HubSpotSandboxApi(TOKEN::equals);
        SandboxServer server = SandboxServer.serve(api);
        return new SandboxHandle() {
            public String baseUrl() { return server.baseUrl(); }
            public int memberCount(String audienceId) { return api.memberEmailsOfList(audienceId).size(); }
            public boolean contains(String audienceId, Member m) {
                String email = m.identifier(IdentifierType.EMAIL).trim().toLowerCase(Locale.ROOT);
                return api.memberEmailsOfList(audienceId).contains(email);
            }
            public Duration injectRateLimit(Duration wait) {
                server.faults().rateLimitOnce(api, wait);
                return wait;
            }
            public void injectServerError() { server.faults().serverErrorOnce(api); }
            public void injectConnectionReset() { server.faults().connectionResetOnce(); }
            public void failRowsForNow(int rows) { server.failRowsForNow(rows); }
            public void close() { server.close(); }
        };
    }

    @Override
    protected Settings settings(String baseUrl, boolean validCredentials) {
        return new Settings("hubspot_crm", "hubspot", Map.of(
                "base_url", baseUrl,
                "token", Secret.of("${env:HUBSPOT_TOKEN}", validCredentials ? TOKEN : "pat-na1-revoked-token")));
    }

    @Override
    protected Member validMember(String key, int index) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "Customer" + index + "@Example.com",
                IdentifierType.PHONE, "+1415555" + String.format("%04d", index % 10_000)),
                Map.of("seglift_segment", "vip"), null);
    }

    /** An email no HubSpot contact has is rejected NOT_FOUND: it may be the member's new email, not their old one. */
    @Override
    protected boolean absentRemovesAreOk() {
        return false;
    }

    @Override
    protected Member invalidMember(String key) {
        return new Member(key, Map.of(IdentifierType.EMAIL, "no-at-sign.example.com"), Map.of(), null);
    }
}
