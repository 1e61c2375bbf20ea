package io.seglift.destination.facebook;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.SyncTotals;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link FacebookDestination#afterSync} with a {@code lookalike:} block, against the Graph API sandbox. */
class FacebookLookalikeTest {
    private FacebookSandboxApi api;
    private SandboxServer server;
    private Destination destination;
    private AudienceRef audience;

    @BeforeEach
    void start() {
        api = new FacebookSandboxApi(FacebookConformanceTest.TOKEN::equals);
        server = SandboxServer.serve(api);
        destination = create(Map.of("ratio", "0.01", "countries", List.of("us")));
        audience = destination.ensureAudience(new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief"));
    }

    private Destination create(Map<String, Object> lookalike) {
        Map<String, Object> values = new HashMap<>(Map.of("base_url", server.baseUrl(),
                "access_token", Secret.of("${env:FB_TOKEN}", FacebookConformanceTest.TOKEN),
                "ad_account_id", "1234567890", "customer_file_source", "USER_PROVIDED_ONLY"));
        if (lookalike != null) values.put("lookalike", lookalike);
        return new FacebookDestinationFactory().create(new Settings("meta", "facebook", values), DestinationContext.defaults());
    }

    @AfterEach
    void stop() {
        destination.close();
        server.close();
    }

    private void add(int from, int count) {
        List<Member> ms = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ms.add(new Member("c" + i, Map.of(IdentifierType.EMAIL, "person" + i + "@example.com"), Map.of(), null));
        }
        destination.push(Batch.builder(audience, Operation.ADD, ms).totalInRun(count).lastBatch(true).build());
    }

    private AfterSync after(Map<String, String> links) {
        return destination.afterSync(audience, new SyncTotals(0, 0, 0, links));
    }

    @Test
    void belowMetasMinimumNothingIsCreatedAndTheNoteSaysWhy() {
        add(0, 99);
        AfterSync result = after(Map.of());
        assertThat(result.links()).isEmpty();
        assertThat(result.notes()).singleElement().asString().contains("not created yet").contains("99").contains("100");
        assertThat(api.lookalikesCreated()).isZero();
    }

    @Test
    void onceTheSourceHasFilledTheLookalikeIsCreatedNamedAfterTheSegmentAndThenFoundByItsId() {
        add(0, 100);
        AfterSync first = after(Map.of());
        String id = first.links().get(Lookalikes.LINK);
        assertThat(id).isNotBlank();
        assertThat(api.audience(id).path("name").asText()).isEqualTo("Seglift · acme · lapsed \u2013 lookalike 1% US");
        assertThat(api.audience(id).path("subtype").asText()).isEqualTo("LOOKALIKE");
        assertThat(api.audience(id).path("origin_audience_id").asText()).isEqualTo(audience.id());
        assertThat(api.audience(id).path("lookalike_spec").toString()).isEqualTo("{\"ratio\":0.01,\"country\":\"US\"}");
        assertThat(first.notes()).singleElement().asString().contains("created").contains(id);

        AfterSync second = after(first.links());
        assertThat(second.links()).isEqualTo(first.links());
        assertThat(second.notes()).isEmpty();
        assertThat(api.lookalikesCreated()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenCreateAndStoreIsRecoveredByName() {
        add(0, 120);
        String id = after(Map.of()).links().get(Lookalikes.LINK);
        AfterSync rerun = after(Map.of());
        assertThat(rerun.links()).containsEntry(Lookalikes.LINK, id);
        assertThat(rerun.notes()).singleElement().asString().contains("found");
        assertThat(api.lookalikesCreated()).isEqualTo(1);
    }

    @Test
    void aDeletedLookalikeIsCreatedAgainWithANote() {
        add(0, 120);
        String id = after(Map.of()).links().get(Lookalikes.LINK);
        api.delete(id);
        AfterSync again = after(Map.of(Lookalikes.LINK, id));
        assertThat(again.links().get(Lookalikes.LINK)).isNotEqualTo(id);
        assertThat(again.notes()).hasSize(2).first().asString().contains("no longer exists");
        assertThat(api.lookalikesCreated()).isEqualTo(2);
    }

    @Test
    void severalCountriesUseALocationSpec() {
        destination.close();
        destination = create(Map.of("ratio", "0.05", "countries", List.of("US", "GB")));
        add(0, 100);
        String id = after(Map.of()).links().get(Lookalikes.LINK);
        assertThat(api.audience(id).path("name").asText()).endsWith("lookalike 5% US,GB");
        assertThat(api.audience(id).path("lookalike_spec").path("location_spec").path("geo_locations")
                .path("countries").toString()).isEqualTo("[\"US\",\"GB\"]");
    }

    @Test
    void withoutALookalikeBlockNothingIsAskedOfMeta() {
        destination.close();
        destination = create(null);
        add(0, 150);
        int queries = api.audienceQueries().size();
        AfterSync result = after(Map.of("other.link", "x"));
        assertThat(result.links()).containsExactly(Map.entry("other.link", "x"));
        assertThat(api.audienceQueries()).hasSize(queries);
        assertThat(api.lookalikesCreated()).isZero();
    }

    @Test
    void metaRefusingTheLookalikeIsADestinationExceptionWithItsCode() {
        add(0, 100);
        String id = after(Map.of()).links().get(Lookalikes.LINK);
        api.rename(id, "renamed by a marketer");
        DestinationException e = catchThrowableOfType(() -> after(Map.of()), DestinationException.class);
        assertThat(e.code()).isEqualTo("2654");
        assertThat(e.getMessage()).contains("Duplicate Lookalike");
    }
}
