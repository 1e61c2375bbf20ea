package io.seglift.destination.klaviyo;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Import errors matched to rows, profile ids kept for removal, and an import job that outlives one push. */
class KlaviyoRemovalsAndJobsTest {

    private static Batch batch(AudienceRef list, Operation op, List<Member> ms) {
        return Batch.builder(list, op, ms).totalInRun(ms.size()).build();
    }

    private static Member email(String key, String email) {
        return new Member(key, Map.of(IdentifierType.EMAIL, email), Map.of(), null);
    }

    @Test
    void importErrorsFindTheirRowsByOriginalPayloadWhenThePointerNamesNoProfile() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            k.api.importErrorPointersAtData();
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = List.of(email("ok-1", "a@example.com"), email("ok-2", "b@example.com"),
                    email("bad", "not-an-email"), email("ok-3", "c@example.com"));

            BatchResult r = d.push(batch(list, Operation.ADD, ms));

            RowResult bad = r.rows().stream().filter(x -> x.key().equals("bad")).findFirst().orElseThrow();
            assertThat(bad.status()).isEqualTo(RowStatus.REJECTED);
            assertThat(bad.code()).isEqualTo("KLAVIYO_IMPORT_ERROR");
            assertThat(bad.message()).doesNotContain("not-an-email");
            assertThat(r.count(RowStatus.OK)).isEqualTo(3);
        }
    }

    @Test
    void addsReturnTheProfileIdAndPhoneOnlyMembersAreRemovable() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("sms", "SMS", "brief"));
            List<Member> phones = List.of(
                    new Member("p1", Map.of(IdentifierType.PHONE, "+14155550101"), Map.of(), null),
                    new Member("p2", Map.of(IdentifierType.PHONE, "+14155550102"), Map.of(), null),
                    new Member("p3", Map.of(IdentifierType.PHONE, "+14155550103"), Map.of(), null));

            BatchResult added = d.push(batch(list, Operation.ADD, phones));
            assertThat(added.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(added.rows().stream().map(RowResult::destinationId).distinct()).hasSize(3);
            assertThat(k.api.memberCount(list.id())).isEqualTo(3);

            BatchResult removed = d.push(batch(list, Operation.REMOVE, phones.subList(0, 2)));

            assertThat(removed.count(RowStatus.OK)).isEqualTo(2);
            assertThat(k.api.memberCount(list.id())).as("phone-only members leave the list").isEqualTo(1);
        }
    }

    @Test
    void anErasedMemberIsRemovedByTheStoredProfileIdAlone() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            BatchResult added = d.push(batch(list, Operation.ADD, List.of(email("gone", "gone@example.com"),
                    email("stays", "stays@example.com"))));
            String profileId = added.rows().stream().filter(x -> x.key().equals("gone")).findFirst().orElseThrow()
                    .destinationId();
            assertThat(profileId).isNotBlank();
            Member erased = new Member("gone", Map.of(), Map.of(), profileId);

            BatchResult removed = d.push(batch(list, Operation.REMOVE, List.of(erased)));

            assertThat(removed.rows()).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(RowStatus.OK);
                assertThat(x.destinationId()).isEqualTo(profileId);
            });
            assertThat(k.api.memberEmails(list.id())).containsExactly("stays@example.com");
        }
    }

    @Test
    void aMemberWithNothingToFindItByIsRejectedNotReportedRemoved() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            BatchResult removed = d.push(batch(list, Operation.REMOVE, List.of(new Member("blank", Map.of(), Map.of(), null))));
            assertThat(removed.rows()).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(RowStatus.REJECTED);
                assertThat(x.code()).isEqualTo("NO_IDENTIFIER");
            });
        }
    }

    @Test
    void aTimedOutImportJobIsPolledAgainOnTheRetryNotStartedTwice() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            k.api.processingPolls(5);
            Destination d = k.open(Map.of("job_poll_interval", "1ms", "job_timeout", "2ms"));
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            Batch b = batch(list, Operation.ADD, List.of(email("a", "a@example.com"), email("b", "b@example.com")));

            Throwable first = catchThrowable(() -> d.push(b));
            assertThat(first).isInstanceOf(RetriableDestinationException.class);
            assertThat(((RetriableDestinationException) first).code()).isEqualTo("JOB_TIMEOUT");
            BatchResult retried = d.push(b);

            assertThat(retried.count(RowStatus.OK)).isEqualTo(2);
            assertThat(k.api.jobCount()).as("import jobs started").isEqualTo(1);
            assertThat(k.waits).as("polls waited through the injected sleeper").isNotEmpty()
                    .allMatch(w -> w.equals(Duration.ofMillis(1)));
            k.api.processingPolls(1);
            d.push(b);
            assertThat(k.api.jobCount()).as("a finished job is not polled for a new push").isEqualTo(2);
        }
    }

    @Test
    void aRunningImportJobIsPolledSoonFirstThenAtTheConfiguredInterval() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            k.api.processingPolls(6);
            Destination d = k.open(Map.of("job_poll_interval", "2s", "job_timeout", "10m"));
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));

            d.push(batch(list, Operation.ADD, List.of(email("a", "a@example.com"))));

            assertThat(k.waits).as("waits between the polls of one import job").containsExactly(Duration.ofMillis(250),
                    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(2));
        }
    }

    @Test
    void thePollRampNeverWaitsLongerThanTheConfiguredInterval() {
        assertThat(KlaviyoDestination.pollWait(0, Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
        assertThat(KlaviyoDestination.pollWait(2, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(KlaviyoDestination.pollWait(9, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(KlaviyoDestination.pollsWithin(Duration.ofMillis(2), Duration.ofMillis(1))).isEqualTo(3);
        assertThat(KlaviyoDestination.pollsWithin(Duration.ofMinutes(10), Duration.ofSeconds(2)))
                .as("0.25 + 0.5 + 1 + 2 s, then 298 waits of 2 s").isEqualTo(303);
    }

    @Test
    void aRetryAfterAFailedLookupOfTheJobsProfileIdsGoesOnFromThatLookup() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = new java.util.ArrayList<>();
            for (int i = 0; i < 250; i++) ms.add(email("c" + i, "c" + i + "@example.com"));
            Batch b = batch(list, Operation.ADD, ms);
            k.api.failProfileLookup(1, 5);

            assertThat(catchThrowable(() -> d.push(b))).isInstanceOf(RetriableDestinationException.class);
            BatchResult retried = d.push(b);

            assertThat(retried.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(k.api.jobCount()).isEqualTo(1);
            long firstLookups = k.requests("GET", "/api/profiles").stream()
                    .filter(r -> r.queryParameter("filter").firstValue().contains("\"c0@example.com\"")).count();
            assertThat(firstLookups).as("the first lookup of the job's profile ids is made once").isEqualTo(1);
            assertThat(k.waits).as("5xx without Retry-After: a backoff from 250 ms, at most job_poll_interval (1 ms)")
                    .containsOnly(Duration.ofMillis(1));
        }
    }

    @Test
    void aFailedLookupOfAFinishedJobsProfileIdsIsMadeAgainInPlaceAfterAShortBackoff() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open(Map.of("job_poll_interval", "2s"));
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) ms.add(email("c" + i, "c" + i + "@example.com"));
            k.api.failProfileLookup(1, 2);

            BatchResult r = d.push(batch(list, Operation.ADD, ms));

            assertThat(r.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(k.api.jobCount()).isEqualTo(1);
            assertThat(k.waits).as("one poll wait, then the lookup's backoff: 250 ms, 500 ms")
                    .containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(500));
        }
    }

    @Test
    void profilesTheLookupDoesNotFindYetTakeTheirIdsFromTheJobsProfiles() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            k.api.lookupsLagBehindImports();
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) ms.add(email("c" + i, "c" + i + "@example.com"));

            BatchResult r = d.push(batch(list, Operation.ADD, ms));

            assertThat(r.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(k.requests("GET", "/api/profiles")).as("lookups").hasSize(2);
            assertThat(k.server.server().getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
                    .filter(u -> u.matches("/api/profile-bulk-import-jobs/[^/]+/profiles\\?.*")).count())
                    .as("pages of the job's profiles, read only for what the lookups missed").isEqualTo(2);
        }
    }

    @Test
    void aProcessThatDiesWhileLookingUpIdsLeavesNothingConfirmedAndTheNextProcessImportsAgainWithoutDuplicates() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination dying = k.open();
            AudienceRef list = dying.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            List<Member> ms = new java.util.ArrayList<>();
            for (int i = 0; i < 250; i++) ms.add(email("c" + i, "c" + i + "@example.com"));
            Batch b = batch(list, Operation.ADD, ms);
            k.api.failProfileLookup(1, 5);
            assertThat(catchThrowable(() -> dying.push(b))).as("no row result, so the engine stores no state")
                    .isInstanceOf(RetriableDestinationException.class);

            BatchResult r = k.open().push(b);

            assertThat(r.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(k.api.jobCount()).as("a new process knows no running job: it imports again").isEqualTo(2);
            assertThat(k.api.profileCount()).as("imports upsert").isEqualTo(250);
            assertThat(k.api.memberCount(list.id())).isEqualTo(250);
        }
    }
}
