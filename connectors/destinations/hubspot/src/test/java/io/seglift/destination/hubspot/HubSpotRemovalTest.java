package io.seglift.destination.hubspot;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.seglift.destination.hubspot.HubSpotFixture.batch;
import static io.seglift.destination.hubspot.HubSpotFixture.byEmail;
import static io.seglift.destination.hubspot.HubSpotFixture.byIdOnly;
import static io.seglift.destination.hubspot.HubSpotFixture.byKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Removals that remove: by the stored record id, after erasure, email change and merge; never a silent OK. */
class HubSpotRemovalTest {
    private static final AudienceSpec SPEC = new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief");
    private final HubSpotFixture hub = new HubSpotFixture();

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    private Map<String, RowResult> add(Destination d, AudienceRef list, Member... ms) {
        Map<String, RowResult> rows = byKey(d.push(batch(list, Operation.ADD, List.of(ms))));
        rows.values().forEach(r -> assertThat(r.status()).isEqualTo(RowStatus.OK));
        return rows;
    }

    @Test
    void addsReturnTheHubSpotRecordIdAsDestinationId() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        Map<String, RowResult> rows = add(d, list, byEmail("c1", "ann@example.com"), byEmail("c2", "bob@example.com"));
        assertThat(rows.get("c1").destinationId()).isEqualTo(hub.api.contact("ann@example.com").orElseThrow().id());
        assertThat(rows.get("c2").destinationId()).isEqualTo(hub.api.contact("bob@example.com").orElseThrow().id());
    }

    @Test
    void membersCarryingOnlyTheirRecordIdAreRemovedAfterAnErasure() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        Map<String, RowResult> rows = add(d, list, byEmail("c1", "ann@example.com"), byEmail("c2", "bob@example.com"),
                byEmail("c3", "cy@example.com"));

        BatchResult removed = d.push(batch(list, Operation.REMOVE, List.of(
                byIdOnly("c1", rows.get("c1").destinationId()), byIdOnly("c2", rows.get("c2").destinationId()))));

        assertThat(removed.count(RowStatus.OK)).isEqualTo(2);
        assertThat(hub.api.listMemberEmails(SPEC.displayName())).containsExactly("cy@example.com");
    }

    @Test
    void theStoredRecordIdWinsOverAChangedEmail() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        String id = add(d, list, byEmail("c1", "ann@old.example.com")).get("c1").destinationId();

        Member changed = new Member("c1", Map.of(IdentifierType.EMAIL, "ann@new.example.com"), Map.of(), id);
        RowResult r = d.push(batch(list, Operation.REMOVE, List.of(changed))).rows().get(0);

        assertThat(r.status()).isEqualTo(RowStatus.OK);
        assertThat(hub.api.listSize(SPEC.displayName())).isZero();
    }

    @Test
    void aMergedAwayRecordIdIsFollowedToTheSurvivingContact() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        add(d, list, byEmail("keep", "ann@example.com"));
        d.push(batch(list, Operation.REMOVE, List.of(byEmail("keep", "ann@example.com"))));
        String mergedId = add(d, list, byEmail("c2", "ann.work@example.com")).get("c2").destinationId();
        hub.api.mergeContacts("ann@example.com", "ann.work@example.com");
        assertThat(hub.api.listMemberEmails(SPEC.displayName())).containsExactly("ann@example.com");

        RowResult r = d.push(batch(list, Operation.REMOVE, List.of(byIdOnly("c2", mergedId)))).rows().get(0);

        assertThat(r.status()).isEqualTo(RowStatus.OK);
        assertThat(r.destinationId()).isEqualTo(hub.api.contact("ann@example.com").orElseThrow().id()).isNotEqualTo(mergedId);
        assertThat(hub.api.listSize(SPEC.displayName())).isZero();
    }

    @Test
    void aContactHubSpotNoLongerHasIsRejectedNotFound() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        String id = add(d, list, byEmail("c1", "ann@example.com")).get("c1").destinationId();
        hub.api.deleteContact("ann@example.com");

        RowResult r = d.push(batch(list, Operation.REMOVE, List.of(byIdOnly("c1", id)))).rows().get(0);

        assertThat(r.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anEmailNoContactHasIsRejectedNotFoundNotReportedRemoved() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);

        RowResult r = d.push(batch(list, Operation.REMOVE, List.of(byEmail("c1", "nobody@example.com")))).rows().get(0);

        assertThat(r.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
        assertThat(r.message()).doesNotContain("nobody@example.com");
    }

    @Test
    void anAddForAMergedAwayEmailLandsOnTheSurvivingContact() {
        Destination d = hub.destination();
        AudienceRef list = d.ensureAudience(SPEC);
        add(d, list, byEmail("a", "ann@example.com"), byEmail("b", "ann.work@example.com"));
        hub.api.mergeContacts("ann@example.com", "ann.work@example.com");

        RowResult r = d.push(batch(list, Operation.ADD, List.of(byEmail("b", "ann.work@example.com")))).rows().get(0);

        assertThat(r.status()).isEqualTo(RowStatus.OK);
        assertThat(r.destinationId()).isEqualTo(hub.api.contact("ann@example.com").orElseThrow().id());
    }
}
