package io.seglift.destination.klaviyo;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Klaviyo's documented limits of profile bulk import jobs (spec: {@code POST /api/profile-bulk-import-jobs}: 10,000
 * profiles, 5MB per request, 100KB per profile), in the destination and in the sandbox.
 */
class KlaviyoImportLimitsTest {

    @Test
    void tenThousandProfilesWithTenMappedFieldsGoInRequestsUnderFiveMegabytes() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = new ArrayList<>();
            long profileBytes = 0;
            ProfileMapper mapper = new ProfileMapper();
            for (int i = 0; i < KlaviyoDestination.MAX_BATCH; i++) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int f = 0; f < 10; f++) fields.put("seglift_field_" + f, "value-" + f + "-of-customer-" + i + "-xxxxxxxxxx");
                Member m = new Member("c" + i, Map.of(IdentifierType.EMAIL, "shopper" + i + "@example.com"), fields, null);
                ms.add(m);
                profileBytes += ImportRequests.bytes(mapper.profile(m)).length;
            }
            assertThat(profileBytes).as("the batch is over Klaviyo's 5MB in one request").isGreaterThan(5_000_000);

            BatchResult r = d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(ms.size()).build());

            assertThat(r.count(RowStatus.OK)).isEqualTo(KlaviyoDestination.MAX_BATCH);
            assertThat(k.api.memberCount(list.id())).isEqualTo(KlaviyoDestination.MAX_BATCH);
            var posts = k.requests("POST", "/api/profile-bulk-import-jobs");
            assertThat(posts).hasSizeGreaterThanOrEqualTo(2);
            assertThat(posts).allMatch(p -> p.getBody().length <= KlaviyoLimits.IMPORT_REQUEST_BYTES);
        }
    }

    @Test
    void aProfileOverOneHundredKilobytesIsRejectedWithAReasonAndNotSent() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = List.of(
                    new Member("small-1", Map.of(IdentifierType.EMAIL, "a@example.com"), Map.of("tier", "gold"), null),
                    new Member("huge", Map.of(IdentifierType.EMAIL, "b@example.com"),
                            Map.of("notes", "x".repeat(KlaviyoLimits.IMPORT_PROFILE_BYTES)), null),
                    new Member("small-2", Map.of(IdentifierType.EMAIL, "c@example.com"), Map.of("tier", "gold"), null));

            BatchResult r = d.push(Batch.builder(list, Operation.ADD, ms).totalInRun(3).build());

            RowResult huge = r.rows().stream().filter(x -> x.key().equals("huge")).findFirst().orElseThrow();
            assertThat(huge.status()).isEqualTo(RowStatus.REJECTED);
            assertThat(huge.code()).isEqualTo("PROFILE_TOO_LARGE");
            assertThat(huge.message()).contains("100000 bytes per profile");
            assertThat(r.count(RowStatus.OK)).isEqualTo(2);
            assertThat(k.api.profileCount()).isEqualTo(2);
            assertThat(k.requests("POST", "/api/profile-bulk-import-jobs"))
                    .allMatch(p -> !p.getBodyAsString().contains("xxxxxxxxxx"));
        }
    }

    @Test
    void theSandboxRefusesARequestOverFiveMegabytesAndAProfileOverOneHundredKilobytes() throws Exception {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            String list = k.open().ensureAudience(new AudienceSpec("vip", "VIP", "brief")).id();
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 6_000; i++) {
                if (i > 0) many.append(',');
                many.append("{\"type\":\"profile\",\"attributes\":{\"email\":\"p").append(i)
                        .append("@example.com\",\"properties\":{\"pad\":\"").append("y".repeat(900)).append("\"}}}");
            }
            HttpResponse<String> tooBig = postJob(k, list, many.toString());
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(tooBig.body()).contains("\"errors\"");

            String oneHuge = "{\"type\":\"profile\",\"attributes\":{\"email\":\"h@example.com\",\"properties\":{\"pad\":\""
                    + "z".repeat(KlaviyoLimits.IMPORT_PROFILE_BYTES) + "\"}}}";
            HttpResponse<String> profileTooBig = postJob(k, list, oneHuge);
            assertThat(profileTooBig.statusCode()).isEqualTo(400);
            assertThat(profileTooBig.body()).contains("/data/attributes/profiles/data/0");
            assertThat(k.api.jobCount()).isZero();
        }
    }

    @Test
    void theSandboxRefusesAMalformedRevision() throws Exception {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(k.server.baseUrl() + "/api/lists"))
                    .header("Authorization", "Klaviyo-API-Key " + KlaviyoConformanceTest.KEY)
                    .header("revision", "latest").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("revision");
        }
    }

    static HttpResponse<String> postJob(KlaviyoFixture k, String listId, String profilesJson) throws Exception {
        String body = "{\"data\":{\"type\":\"profile-bulk-import-job\",\"attributes\":{\"profiles\":{\"data\":["
                + profilesJson + "]}},\"relationships\":{\"lists\":{\"data\":[{\"type\":\"list\",\"id\":\"" + listId
                + "\"}]}}}}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(k.server.baseUrl() + "/api/profile-bulk-import-jobs"))
                .header("Authorization", "Klaviyo-API-Key " + KlaviyoConformanceTest.KEY)
                .header("revision", KlaviyoClient.REVISION)
                .header("Content-Type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
