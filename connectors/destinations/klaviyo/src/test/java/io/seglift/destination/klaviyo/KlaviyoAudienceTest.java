package io.seglift.destination.klaviyo;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync's list is found by its stored id first, then by name, and recreated when it was deleted. */
class KlaviyoAudienceTest {
    private static final AudienceSpec SPEC = new AudienceSpec("vip", "Seglift · VIP", "brief");

    @Test
    void aRenamedListIsStillTheSyncsListThroughItsKnownId() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef first = d.ensureAudience(SPEC);
            k.api.renameList(first.id(), "VIP (do not touch)");

            AudienceRef again = d.ensureAudience(SPEC.withKnownId(first.id()));

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.created()).isFalse();
            assertThat(again.name()).isEqualTo("VIP (do not touch)");
            assertThat(k.api.listIds(SPEC.displayName())).as("no second list under the old name").isEmpty();
            assertThat(k.requests("GET", "/api/lists/" + first.id())).hasSize(1);
        }
    }

    @Test
    void aDeletedListIsRecreatedAndReportedCreated() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef first = d.ensureAudience(SPEC);
            k.api.deleteList(first.id());

            AudienceRef again = d.ensureAudience(SPEC.withKnownId(first.id()));

            assertThat(again.id()).isNotEqualTo(first.id());
            assertThat(again.created()).isTrue();
            assertThat(k.api.listIds(SPEC.displayName())).containsExactly(again.id());
        }
    }

    @Test
    void withoutAKnownIdTheListIsFoundByName() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            AudienceRef first = k.open().ensureAudience(SPEC);
            AudienceRef again = k.open().ensureAudience(SPEC);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.created()).isFalse();
            assertThat(k.requests("GET", "/api/lists")).hasSize(2);
        }
    }
}
