package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Engine batches of up to 1,000 rows: upserted 100 at a time, their record ids added to (or removed from) the list 500
 * at a time, every row still answered on its own, and a push the engine retries resuming after the calls that
 * succeeded.
 */
class HubSpotBatchingTest {
    private static final AudienceSpec SPEC = new AudienceSpec("lapsed", "Seglift · acme · lapsed", "brief");
    private static final String UPSERT = "POST objects/contacts/batch/upsert";
    private static final String READ = "POST objects/contacts/batch/read";
    private static final String ADD = "PUT lists/{listId}/memberships/add";
    private static final String REMOVE = "PUT lists/{listId}/memberships/remove";
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private Sandbox sandbox(SandboxApi api, SandboxOptions options) {
        Sandbox s = WireMockSandbox.start(api, options);
        open.add(s);
        return s;
    }

    private Destination destination(Sandbox s) {
        var factory = Destinations.discover().find("hubspot").orElseThrow();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Destination d = factory.create(HubSpotFixture.settings(s.baseUrl().toString(), null), DestinationContext.builder()
                .httpClient(http).clock(Clock.systemUTC()).requestTimeout(Duration.ofSeconds(10)).build());
        open.add(d);
        return d;
    }

    private static List<Member> members(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Member("c" + i, Map.of(IdentifierType.EMAIL, "u" + i + "@example.com"),
                Map.of(), null)).toList();
    }

    private static Batch batch(AudienceRef list, Operation op, List<Member> ms) {
        return Batch.builder(list, op, ms).totalInRun(ms.size()).build();
    }

    private static long calls(HubSpotSandboxApi api, String endpoint) {
        return api.requestsByEndpoint().getOrDefault(endpoint, 0L);
    }

    @Test
    void aThousandRowAddCostsTenUpsertsAndTwoListAdds() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        Destination d = destination(sandbox(api, SandboxOptions.defaults()));
        assertThat(HubSpotDestination.capabilities().maxBatchSize()).isEqualTo(1000);
        AudienceRef list = d.ensureAudience(SPEC);

        BatchResult r = d.push(batch(list, Operation.ADD, members(1000)));

        assertThat(r.count(RowStatus.OK)).isEqualTo(1000);
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.destinationId()).isNotBlank());
        assertThat(calls(api, UPSERT)).isEqualTo(10);
        assertThat(calls(api, ADD)).as("500 record ids per list add").isEqualTo(2);
        assertThat(api.listSize(SPEC.displayName())).isEqualTo(1000);
    }

    @Test
    void aThousandRowRemoveCostsTwoListRemovesByIdAndTenReadsMoreByEmail() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        Destination d = destination(sandbox(api, SandboxOptions.defaults()));
        AudienceRef list = d.ensureAudience(SPEC);
        Map<String, RowResult> added = HubSpotFixture.byKey(d.push(batch(list, Operation.ADD, members(1000))));
        List<Member> byId = IntStream.range(0, 500).mapToObj(i -> HubSpotFixture.byIdOnly("c" + i, added.get("c" + i).destinationId())).toList();

        BatchResult removedById = d.push(batch(list, Operation.REMOVE, byId));
        assertThat(removedById.count(RowStatus.OK)).isEqualTo(500);
        assertThat(calls(api, REMOVE)).isEqualTo(1);
        assertThat(calls(api, READ)).isZero();

        BatchResult removedByEmail = d.push(batch(list, Operation.REMOVE, members(1000)));
        assertThat(removedByEmail.count(RowStatus.OK)).as("ids no longer in the list are checked and found").isEqualTo(1000);
        assertThat(calls(api, REMOVE)).isEqualTo(3);
        assertThat(calls(api, READ)).as("10 reads by email, 5 reads of the 500 ids the list no longer held").isEqualTo(15);
        assertThat(api.listSize(SPEC.displayName())).isZero();
    }

    @Test
    void invalidRowsAreIsolatedPerChunkAndEveryOtherRowIsAdded() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        api.wholeBatchValidation(true);
        Destination d = destination(sandbox(api, SandboxOptions.defaults()));
        AudienceRef list = d.ensureAudience(SPEC);
        List<Member> ms = new ArrayList<>(members(1000));
        for (int i : new int[] {5, 350, 999}) {
            ms.set(i, new Member("bad" + i, Map.of(IdentifierType.EMAIL, "no-at-sign-" + i), Map.of(), null));
        }
        ms.set(600, new Member("none", Map.of(), Map.of(), null));

        Map<String, RowResult> rows = HubSpotFixture.byKey(d.push(batch(list, Operation.ADD, ms)));

        assertThat(rows).hasSize(1000);
        for (int i : new int[] {5, 350, 999}) {
            assertThat(rows.get("bad" + i).status()).isEqualTo(RowStatus.REJECTED);
            assertThat(rows.get("bad" + i).code()).isEqualTo("VALIDATION_ERROR");
            assertThat(rows.get("bad" + i).message()).doesNotContain("no-at-sign");
        }
        assertThat(rows.get("none").code()).isEqualTo("NO_EMAIL");
        assertThat(rows.values().stream().filter(r -> r.status() == RowStatus.OK)).hasSize(996);
        assertThat(api.listSize(SPEC.displayName())).isEqualTo(996);
    }

    @Test
    void partialFailuresAcrossChunksComeOutPerRow() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        Destination d = destination(sandbox(api, SandboxOptions.defaults().withFaults(FaultPlan.none().withPartial(1.0, 0.3).withSeed(11))));
        AudienceRef list = d.ensureAudience(SPEC);

        BatchResult r = d.push(batch(list, Operation.ADD, members(1000)));

        assertThat(r.count(RowStatus.RETRY)).isBetween(150L, 450L);
        assertThat(r.count(RowStatus.OK) + r.count(RowStatus.RETRY)).isEqualTo(1000);
        r.rows().stream().filter(x -> x.status() == RowStatus.RETRY).forEach(x -> assertThat(x.code()).isEqualTo("OBJECT_WRITE_FAILED"));
        assertThat(api.listSize(SPEC.displayName())).isEqualTo((int) r.count(RowStatus.OK));
    }

    @Test
    void aRetriedPushResumesAfterTheCallsThatSucceeded() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        FailingOnce failing = new FailingOnce(api, UPSERT, 7);
        Destination d = destination(sandbox(failing, SandboxOptions.defaults()));
        AudienceRef list = d.ensureAudience(SPEC);
        Batch batch = batch(list, Operation.ADD, members(1000));

        assertThatThrownBy(() -> d.push(batch)).isInstanceOf(RetriableDestinationException.class);
        assertThat(calls(api, UPSERT)).as("six upserts answered before the seventh failed").isEqualTo(6);
        assertThat(calls(api, ADD)).isZero();

        BatchResult r = d.push(batch);
        assertThat(r.count(RowStatus.OK)).isEqualTo(1000);
        assertThat(calls(api, UPSERT)).as("the retry sends only the four upserts not yet answered").isEqualTo(10);
        assertThat(calls(api, ADD)).isEqualTo(2);
        assertThat(api.upsertsByEmail().values()).allMatch(n -> n == 1);

        // another batch object with the same rows is a new push: nothing is taken from memory
        d.push(batch(list, Operation.ADD, members(1000)));
        assertThat(calls(api, UPSERT)).isEqualTo(20);
    }

    @Test
    void aPushThatDiesMidBatchIsRepeatedWithoutChangingTheOutcome() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        FailingOnce failing = new FailingOnce(api, ADD, 2);
        Destination first = destination(sandbox(failing, SandboxOptions.defaults()));
        AudienceRef list = first.ensureAudience(SPEC);
        assertThatThrownBy(() -> first.push(batch(list, Operation.ADD, members(1000)))).isInstanceOf(RetriableDestinationException.class);
        assertThat(api.listSize(SPEC.displayName())).as("half the batch was in the list when the process died").isEqualTo(500);

        // a new process (new destination, nothing in memory) sends the uncommitted batch again
        Destination second = destination(sandbox(api, SandboxOptions.defaults()));
        BatchResult r = second.push(batch(list, Operation.ADD, members(1000)));
        assertThat(r.count(RowStatus.OK)).isEqualTo(1000);
        assertThat(api.listSize(SPEC.displayName())).isEqualTo(1000);
        assertThat(api.contactCount()).isEqualTo(1000);
    }

    /** The HubSpot sandbox, answering a 502 to the {@code nth} request to {@code endpoint}, once. */
    private static final class FailingOnce implements SandboxApi {
        private final HubSpotSandboxApi api;
        private final String endpoint;
        private final int nth;
        private final AtomicInteger seen = new AtomicInteger();

        FailingOnce(HubSpotSandboxApi api, String endpoint, int nth) {
            this.api = api;
            this.endpoint = endpoint;
            this.nth = nth;
        }

        @Override
        public SandboxResponse handle(SandboxRequest request, boolean partialFailure, BooleanSupplier failRow) {
            boolean matches = (request.method() + " " + request.path()).matches(endpoint.replace("POST objects/", "POST /crm/objects/[^/]+/")
                    .replace("PUT lists/{listId}/", "PUT /crm/lists/[^/]+/[0-9]+/"));
            if (matches && seen.incrementAndGet() == nth) return api.serverError();
            return api.handle(request, partialFailure, failRow);
        }

        @Override
        public SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
            return api.rateLimited(retryAfter, limit, remaining);
        }
    }
}
