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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of a first fill and of one cycle, by endpoint: the profile ids of an import job come from
 * {@code GET /api/profiles} (tier L, burst 75/s) and never from paging the job's profiles (tier M, burst 10/s), the
 * adds go to the list inside the import job, and a cycle's removals leave in one call per 1,000 stored ids.
 */
class KlaviyoRequestCountTest {
    private static final String JOB_READS = "/api/profile-bulk-import-jobs/";

    private static List<Member> members(int from, int to) {
        List<Member> ms = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ms.add(new Member("c" + i, Map.of(IdentifierType.EMAIL, "c" + i + "@example.com"), Map.of(), null));
        }
        return ms;
    }

    private static Batch batch(AudienceRef list, Operation op, List<Member> ms) {
        return Batch.builder(list, op, ms).totalInRun(ms.size()).build();
    }

    private static long count(KlaviyoFixture k, String method, java.util.function.Predicate<String> path) {
        return k.server.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && path.test(r.getUrl().replaceFirst("\\?.*$", "")))
                .count();
    }

    @Test
    void aFirstFillReadsProfileIdsAtTierLAndPagesNothingOfTheJob() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            k.server.server().resetRequests();

            BatchResult r = d.push(batch(list, Operation.ADD, members(0, 2_500)));

            assertThat(r.rows()).allMatch(x -> x.status() == RowStatus.OK && x.destinationId() != null);
            assertThat(k.api.memberCount(list.id())).isEqualTo(2_500);
            assertThat(count(k, "POST", p -> p.equals("/api/profile-bulk-import-jobs"))).as("import jobs").isEqualTo(1);
            assertThat(count(k, "GET", p -> p.startsWith(JOB_READS))).as("tier-M reads of the job: its polls only")
                    .isEqualTo(2);
            assertThat(count(k, "GET", p -> p.equals("/api/profiles"))).as("lookups of 100 profile ids").isEqualTo(25);
            assertThat(count(k, "POST", p -> p.contains("/relationships/"))).as("list adds ride in the job").isZero();
            assertThat(k.server.server().getAllServeEvents()).as("every request").hasSize(1 + 2 + 25);
        }
    }

    @Test
    void aCycleOfAThousandAddsAndAThousandRemovalsTakesFourteenRequests() {
        try (KlaviyoFixture k = new KlaviyoFixture()) {
            Destination d = k.open();
            AudienceRef list = d.ensureAudience(new AudienceSpec("vip", "VIP", "brief"));
            BatchResult first = d.push(batch(list, Operation.ADD, members(0, 2_000)));
            List<Member> leaving = first.rows().subList(0, 1_000).stream().map(RowResult::key)
                    .map(key -> new Member(key, Map.of(), Map.of(), first.rows().stream()
                            .filter(x -> x.key().equals(key)).findFirst().orElseThrow().destinationId()))
                    .toList();
            k.server.server().resetRequests();

            BatchResult added = d.push(batch(list, Operation.ADD, members(2_000, 3_000)));
            BatchResult removed = d.push(batch(list, Operation.REMOVE, leaving));

            assertThat(added.count(RowStatus.OK)).isEqualTo(1_000);
            assertThat(removed.count(RowStatus.OK)).isEqualTo(1_000);
            assertThat(k.api.memberCount(list.id())).isEqualTo(2_000);
            assertThat(count(k, "GET", p -> p.startsWith(JOB_READS))).as("tier-M reads of the job: its polls only")
                    .isEqualTo(2);
            assertThat(count(k, "GET", p -> p.equals("/api/profiles"))).as("lookups of 100 profile ids").isEqualTo(10);
            assertThat(count(k, "DELETE", p -> p.contains("/relationships/profiles"))).as("removal calls").isEqualTo(1);
            assertThat(k.server.server().getAllServeEvents()).as("every request").hasSize(1 + 2 + 10 + 1);
        }
    }
}
