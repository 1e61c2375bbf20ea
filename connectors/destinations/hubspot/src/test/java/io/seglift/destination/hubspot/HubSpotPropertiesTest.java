package io.seglift.destination.hubspot;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.seglift.destination.hubspot.HubSpotFixture.batch;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties Seglift creates carry readable labels and sit in a "Seglift" property group. */
class HubSpotPropertiesTest {
    private final HubSpotFixture hub = new HubSpotFixture();

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    @Test
    void createdPropertiesAreLabelledAndGroupedUnderSeglift() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "Seglift · vip", "brief"));
        Member m = new Member("c1", Map.of(IdentifierType.EMAIL, "ann@example.com"),
                Map.of("seglift_segment", "vip", "seglift_rfm_segment", "Champions"), null);

        assertThat(d.push(batch(list, Operation.UPDATE, List.of(m))).count(RowStatus.OK)).isEqualTo(1);

        assertThat(hub.api.propertyGroups()).containsEntry("seglift", "Seglift");
        assertThat(hub.api.createdProperty("seglift_segment")).contains(Map.of("label", "Seglift segment", "groupName", "seglift"));
        assertThat(hub.api.createdProperty("seglift_rfm_segment")).contains(Map.of("label", "Seglift rfm segment", "groupName", "seglift"));
    }

    @Test
    void labelsReadLikeWords() {
        assertThat(HubSpotDestination.label("seglift_segment")).isEqualTo("Seglift segment");
        assertThat(HubSpotDestination.label("loyalty_tier")).isEqualTo("Loyalty tier");
    }
}
