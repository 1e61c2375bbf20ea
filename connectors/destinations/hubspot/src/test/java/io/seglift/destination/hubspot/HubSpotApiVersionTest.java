package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.settings.ConfigKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.seglift.destination.hubspot.HubSpotFixture.batch;
import static io.seglift.destination.hubspot.HubSpotFixture.byEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot's date-versioned APIs: the newest by default, v3 while HubSpot keeps it, unknown versions refused. */
class HubSpotApiVersionTest {
    private static final AudienceSpec SPEC = new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief");
    private final HubSpotFixture hub = new HubSpotFixture();

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    private void syncOnce(Destination d) {
        d.check();
        AudienceRef list = d.ensureAudience(SPEC);
        var r = d.push(batch(list, Operation.ADD, List.of(new io.seglift.spi.destination.Member("c1",
                Map.of(io.seglift.spi.destination.IdentifierType.EMAIL, "ann@example.com"), Map.of("seglift_segment", "vip"), null))));
        assertThat(r.count(RowStatus.OK)).isEqualTo(1);
        var removed = d.push(batch(list, Operation.REMOVE, List.of(byEmail("c1", "ann@example.com"))));
        assertThat(removed.count(RowStatus.OK)).isEqualTo(1);
    }

    @Test
    void everyCallUsesTheNewestDateVersionByDefault() {
        syncOnce(hub.destination());
        assertThat(hub.api.versionsSeen()).isNotEmpty().containsOnly(ApiVersion.NEWEST);
        assertThat(ApiVersion.NEWEST).isEqualTo("2026-09");
    }

    @Test
    void v3IsStillServedWhenConfigured() {
        syncOnce(hub.destination("v3"));
        assertThat(hub.api.versionsSeen()).isNotEmpty().containsOnly("v3");
    }

    @Test
    void pathsAreBuiltPerVersionInOnePlace() {
        ApiVersion dated = ApiVersion.of("2026-09").orElseThrow();
        assertThat(dated.contacts("/batch/upsert")).isEqualTo("/crm/objects/2026-09/contacts/batch/upsert");
        assertThat(dated.lists("/7/memberships/add")).isEqualTo("/crm/lists/2026-09/7/memberships/add");
        assertThat(dated.contactProperties("/groups")).isEqualTo("/crm/properties/2026-09/contacts/groups");
        ApiVersion v3 = ApiVersion.of("V3").orElseThrow();
        assertThat(v3.contacts("/batch/read")).isEqualTo("/crm/v3/objects/contacts/batch/read");
        assertThat(v3.lists("")).isEqualTo("/crm/v3/lists");
        assertThat(v3.contactProperties("/x")).isEqualTo("/crm/v3/properties/contacts/x");
        assertThat(ApiVersion.of("2024-01")).isEmpty();
    }

    @Test
    void theConfigDeclaresTheVersionAndValidationRefusesUnknownOnes() {
        var factory = Destinations.discover().find("hubspot").orElseThrow();
        ConfigKey key = factory.configSpec().keys().stream().filter(k -> k.name().equals("api_version")).findFirst().orElseThrow();
        assertThat(key.defaultValue()).isEqualTo("2026-09");
        assertThat(factory.validate(HubSpotFixture.settings(hub.baseUrl(), "2026-09"))).isEmpty();
        assertThat(factory.validate(HubSpotFixture.settings(hub.baseUrl(), "2024-01")))
                .singleElement().asString().contains("hubspot_crm.api_version", "2024-01", "2026-09", "v3");
    }

    @Test
    void theSandboxServesBothPathFamiliesAndRefusesUnknownVersions() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        assertThat(get(api, "/crm/objects/2026-09/contacts").status()).isEqualTo(200);
        assertThat(get(api, "/crm/v3/objects/contacts").status()).isEqualTo(200);
        SandboxResponse unknown = get(api, "/crm/objects/2024-01/contacts");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown API version");
        assertThat(get(api, "/crm/lists/2099-03/object-type-id/0-1/name/x").status()).isEqualTo(404);
    }

    @Test
    void aServiceKeyIsSentAsABearerToken() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        SandboxResponse noScheme = api.handle(new SandboxRequest("GET", "/crm/objects/2026-09/contacts", Map.of(),
                Map.of("authorization", "svc-key-test"), ""), false, () -> false);
        assertThat(noScheme.status()).isEqualTo(401);
        hub.destination().check();
    }

    static SandboxResponse get(HubSpotSandboxApi api, String path) {
        return api.handle(new SandboxRequest("GET", path, Map.of(), Map.of("authorization", "Bearer svc-key-test"), ""),
                false, () -> false);
    }
}
