package io.seglift.destination.hubspot;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.seglift.destination.hubspot.HubSpotFixture.batch;
import static io.seglift.destination.hubspot.HubSpotFixture.byEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Audiences stay found: by stored id first, then by name as HubSpot matches it, recreated when deleted. */
class HubSpotAudienceTest {
    private static final AudienceSpec SPEC = new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief");
    private final HubSpotFixture hub = new HubSpotFixture();

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    @Test
    void aListAMarketerRenamedIsStillTheSyncsList() {
        Destination d = hub.destination();
        AudienceRef first = d.ensureAudience(SPEC);
        hub.api.renameList(first.id(), "Q3 win-back (do not delete)");

        AudienceRef again = d.ensureAudience(SPEC.withKnownId(first.id()));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.created()).isFalse();
        assertThat(again.name()).isEqualTo("Q3 win-back (do not delete)");
        assertThat(hub.api.listId(SPEC.displayName())).as("no second list under the old name").isEmpty();
    }

    @Test
    void aDeletedListIsRecreatedAndReportedCreated() {
        Destination d = hub.destination();
        AudienceRef first = d.ensureAudience(SPEC);
        d.push(batch(first, Operation.ADD, List.of(byEmail("c1", "ann@example.com"))));
        hub.api.deleteList(first.id());

        AudienceRef again = d.ensureAudience(SPEC.withKnownId(first.id()));

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.created()).as("the engine must send the whole segment again").isTrue();
        assertThat(hub.api.listSize(SPEC.displayName())).isZero();
    }

    @Test
    void aKnownIdThatIsGoneButWhoseNameExistsStillCountsAsANewList() {
        Destination d = hub.destination();
        AudienceRef first = d.ensureAudience(SPEC);
        hub.api.deleteList(first.id());
        AudienceRef sameName = d.ensureAudience(new AudienceSpec("lapsed", SPEC.displayName(), "brief"));

        AudienceRef again = d.ensureAudience(SPEC.withKnownId(first.id()));

        assertThat(again.id()).isEqualTo(sameName.id());
        assertThat(again.created()).isTrue();
    }

    @Test
    void listNamesMatchCaseInsensitivelyAsHubSpotDoes() {
        Destination d = hub.destination();
        AudienceRef first = d.ensureAudience(SPEC);
        AudienceRef shouted = d.ensureAudience(new AudienceSpec("lapsed", "SEGLIFT · ACME · LAPSED", "brief"));

        assertThat(shouted.id()).isEqualTo(first.id());
        assertThat(shouted.created()).isFalse();
        assertThat(shouted.name()).as("the name HubSpot holds").isEqualTo(SPEC.displayName());
    }
}
