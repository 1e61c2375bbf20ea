package io.seglift.destination.klaviyo;

import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.testkit.SandboxServer;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator catches non-conforming requests, and a full add/update/remove flow sends none. Needs Klaviyo's spec in
 * {@code ../shared/specs}: an acceptance test, which fails rather than skips when the spec is missing.
 */
@Tag("acceptance")
class KlaviyoSpecValidationTest {

    @BeforeAll
    static void specPresent() {
        assertThat(KlaviyoSpec.file()).as("Klaviyo OpenAPI spec in ../shared/specs (system property seglift.shared.specs)")
                .isPresent();
    }

    @Test
    void theValidatorReportsARequestThatBreaksTheSpec() throws Exception {
        try (SandboxServer sandbox = SandboxServer.serve(new KlaviyoSandboxApi(KlaviyoConformanceTest.KEY::equals))) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/lists"))
                    .header("Authorization", "Klaviyo-API-Key " + KlaviyoConformanceTest.KEY)
                    .header("Content-Type", "application/vnd.api+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"type\":\"list\",\"attributes\":{}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<String> violations = KlaviyoSpec.violations(sandbox.server());
            assertThat(violations).hasSize(1);
            assertThat(violations.get(0)).contains("revision").contains("name");
        }
    }

    @Test
    void aFullFlowOfMultiPageLookupsSendsOnlyConformingRequests() {
        KlaviyoSandboxApi api = new KlaviyoSandboxApi(KlaviyoConformanceTest.KEY::equals);
        try (SandboxServer sandbox = SandboxServer.serve(api);
             Destination d = new KlaviyoDestinationFactory().create(new Settings("k", "klaviyo", Map.of(
                     "base_url", sandbox.baseUrl(),
                     "api_key", Secret.of("${env:K}", KlaviyoConformanceTest.KEY),
                     "job_poll_interval", "1ms")), DestinationContext.defaults())) {
            d.check();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "Seglift · \"VIP\" buyers", "brief"));
            List<Member> ms = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                ms.add(new Member("c" + i, i % 500 == 0 ? Map.of(IdentifierType.EMAIL, "broken" + i)
                        : Map.of(IdentifierType.EMAIL, "m" + i + "@example.org", IdentifierType.EXTERNAL_ID, "x" + i),
                        Map.of("decile", i % 10), null));
            }
            var added = d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(ms.size()).build());
            assertThat(added.count(RowStatus.REJECTED)).isEqualTo(5);
            assertThat(api.memberCount(list.id())).isEqualTo(2_495);
            var removed = d.push(Batch.builder(list, Operation.REMOVE, ms.subList(0, 1_500)).totalInRun(1_500).build());
            assertThat(removed.count(RowStatus.OK)).isEqualTo(1_500);
            assertThat(api.memberCount(list.id())).isEqualTo(2_495 - 1_497);
            assertThat(KlaviyoSpec.violations(sandbox.server())).isEmpty();
            assertThat(sandbox.server().getAllServeEvents()).hasSizeGreaterThan(20);
        }
    }
}
