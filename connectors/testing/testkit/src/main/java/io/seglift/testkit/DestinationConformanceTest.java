package io.seglift.testkit;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The conformance kit every destination's test extends. A subclass says which type it tests, starts its sandbox,
 * builds settings pointing at it and makes sample members; the kit checks the destination contract of
 * {@link io.seglift.spi.destination}: discovery, config, credentials, idempotent audiences and pushes, one result per
 * row, rejected rows as data, rows failed "for now" reported as retry, retriable failures with the server's wait, batch limits, and privacy (no email or phone
 * number in any log line, exception or row message).
 */
public abstract class DestinationConformanceTest {

    private SandboxHandle sandbox;
    private OutputCapture output;
    private final List<Member> pushed = new ArrayList<>();
    private final List<String> producedText = new ArrayList<>();
    private final List<Destination> opened = new ArrayList<>();
    /** Waits destinations asked the context's sleeper for; the kit never sleeps. */
    protected final List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());

    /** The {@code type:} the factory registers. */
    protected abstract String type();

    /** Starts a fresh, empty sandbox for one test. */
    protected abstract SandboxHandle startSandbox();

    /** Settings for the destination at {@code baseUrl}; with {@code validCredentials=false} the token is wrong. */
    protected abstract Settings settings(String baseUrl, boolean validCredentials);

    /** A valid member the destination accepts; {@code index} makes it distinct. */
    protected abstract Member validMember(String key, int index);

    /** A member the destination (or its vendor) rejects, e.g. an email without a domain. */
    protected abstract Member invalidMember(String key);

    /** The context handed to the destination; tests may override the clock. */
    protected DestinationContext context() {
        return DestinationContext.builder().httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()).clock(Clock.systemUTC()).requestTimeout(Duration.ofSeconds(10)).sleeper(waits::add).build();
    }

    /**
     * Why this destination's vendor cannot fail a single row "for now": empty (the default) when the vendor has a
     * per-row transient answer, which the kit then checks is reported as {@link RowStatus#RETRY}. A destination whose
     * vendor answers transient failures for the whole request only (a 429 or 5xx, checked by
     * {@code serverErrorsAndResetsAreRetriable}) overrides this with the reason, naming the vendor document; the kit
     * then checks its sandbox fails no row when asked to.
     */
    protected Optional<String> transientFailuresAreWholeRequestOnly() {
        return Optional.empty();
    }

    /**
     * Whether removing members the destination has no record of answers OK. A destination that cannot tell "never
     * there" from "there under an old identifier" (HubSpot looking a contact up by email) rejects them with a reason.
     */
    protected boolean absentRemovesAreOk() {
        return true;
    }

    /** Switch for destinations without removal; defaults to what the capabilities declare. */
    protected boolean supportsRemove() {
        return capabilities().supportsRemove();
    }

    /** What the factory declares for the sandbox's settings. */
    protected final Capabilities capabilities() {
        return factory().capabilities(settings(sandbox.baseUrl(), true));
    }

    protected final SandboxHandle sandbox() {
        return sandbox;
    }

    @BeforeEach
    final void startKit() {
        sandbox = startSandbox();
        output = new OutputCapture();
    }

    @AfterEach
    final void stopKitAndCheckPrivacy() {
        opened.forEach(Destination::close);
        opened.clear();
        output.close();
        sandbox.close();
        PiiScanner scanner = new PiiScanner(pushed);
        assertThat(scanner.findIn(output.text()))
                .as("emails or phone numbers in log output of the %s destination", type()).isEmpty();
        for (String text : producedText) {
            assertThat(scanner.findIn(text)).as("emails or phone numbers in a message: %s", "(withheld)").isEmpty();
        }
    }

    protected final DestinationFactory factory() {
        return Destinations.discover().find(type())
                .orElseThrow(() -> new AssertionError("no DestinationFactory of type " + type() + " via ServiceLoader"));
    }

    protected final Destination open() {
        Destination d = factory().create(settings(sandbox.baseUrl(), true), context());
        opened.add(d);
        return d;
    }

    protected final List<Member> members(String prefix, int count) {
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(validMember(prefix + "-" + i, pushed.size() + i));
        }
        pushed.addAll(list);
        return list;
    }

    protected final AudienceRef audience(Destination d) {
        String key = "conformance_" + UUID.randomUUID().toString().substring(0, 8);
        return d.ensureAudience(new AudienceSpec(key, "Seglift · " + key,
                "Hypothesis: conformance. Success metric: none. Owner: the kit. Holdout: 10%."));
    }

    protected final BatchResult push(Destination d, Batch batch) {
        BatchResult result = d.push(batch).requireCovers(batch);
        result.rows().forEach(r -> producedText.add(r.message()));
        return result;
    }

    private static Batch batch(AudienceRef a, Operation op, List<Member> members) {
        return Batch.builder(a, op, members).totalInRun(members.size()).build();
    }

    private Throwable recordFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) producedText.add(c.getMessage());
        return t;
    }

    @Test
    void factoryIsFoundByServiceLoaderByItsType() {
        DestinationFactory f = factory();
        assertThat(f.type()).isEqualTo(type());
        assertThat(f.description()).isNotBlank();
        assertThat(f.version()).isNotBlank();
    }

    @Test
    void capabilitiesComeFromSettingsAlone() {
        Capabilities c = factory().capabilities(settings("http://127.0.0.1:9", true));
        assertThat(c.maxBatchSize()).isPositive();
        assertThat(c.identifiers()).isNotEmpty();
        assertThat(c.rateLimits()).as("documented limits").isNotEmpty();
    }

    @Test
    void configSpecDeclaresBaseUrlAndMarksSecrets() {
        var spec = factory().configSpec();
        assertThat(spec.key("base_url")).as("every destination takes base_url").isPresent();
        ConfigKey baseUrl = spec.key("base_url").get();
        assertThat(baseUrl.required() || baseUrl.defaultValue() != null)
                .as("base_url defaults to the vendor's API unless the destination has no vendor").isTrue();
        Settings s = settings(sandbox.baseUrl(), true);
        assertThat(spec.keys()).anyMatch(ConfigKey::secret);
        for (ConfigKey k : spec.keys()) {
            Object v = s.values().get(k.name());
            if (k.secret() && v != null) assertThat(v).as("value of secret key %s", k.name()).isInstanceOf(Secret.class);
            if (v instanceof Secret) assertThat(k.secret()).as("key %s holds a secret", k.name()).isTrue();
            if (k.required()) assertThat(s.values()).as("required key %s", k.name()).containsKey(k.name());
        }
        assertThat(s.values().keySet()).allMatch(key -> spec.key(key).isPresent(), "only declared keys");
    }

    @Test
    void settingsRoundTripAndMaskSecrets() {
        Settings s = settings(sandbox.baseUrl(), true);
        Settings copy = new Settings(s.name(), s.type(), Map.copyOf(s.values()));
        String printed = copy.toString();
        for (Object v : copy.values().values()) {
            if (v instanceof Secret secret) assertThat(printed).doesNotContain(secret.reveal()).contains(secret.masked());
        }
        try (Destination d = factory().create(copy, context())) {
            d.check();
            assertThat(d.toString()).doesNotContain(secretValues(copy));
        }
    }

    private static String[] secretValues(Settings s) {
        return s.values().values().stream().filter(Secret.class::isInstance).map(v -> ((Secret) v).reveal())
                .toArray(String[]::new);
    }

    @Test
    void checkPassesWithValidCredentials() {
        open().check();
    }

    @Test
    void checkFailsFastWithAHelpfulMessageOnABadToken() {
        Settings bad = settings(sandbox.baseUrl(), false);
        long start = System.nanoTime();
        Throwable t;
        try (Destination d = factory().create(bad, context())) {
            t = catchThrowable(d::check);
        }
        recordFailure(t);
        assertThat(t).isInstanceOf(DestinationException.class).isNotInstanceOf(RetriableDestinationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(t.getMessage()).isNotBlank().containsAnyOf("token", "key", "secret", "credential")
                .doesNotContain(secretValues(bad));
    }

    @Test
    void ensureAudienceIsIdempotent() {
        Destination d = open();
        AudienceSpec spec = new AudienceSpec("conformance_idem", "Seglift · conformance idem", "Hypothesis: none.");
        AudienceRef first = d.ensureAudience(spec);
        AudienceRef second = d.ensureAudience(spec);
        assertThat(first.id()).isNotBlank();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        try (Destination other = open()) {
            assertThat(other.ensureAudience(spec).id()).as("found again by a new instance").isEqualTo(first.id());
        }
    }

    @Test
    void everyRowGetsAResultAndLandsInTheSandbox() {
        Destination d = open();
        AudienceRef a = audience(d);
        List<Member> ms = members("every", 25);
        BatchResult r = push(d, batch(a, Operation.ADD, ms));
        assertThat(r.count(RowStatus.OK)).isEqualTo(25);
        assertThat(sandbox.memberCount(a.id())).isEqualTo(25);
        assertThat(ms).allMatch(m -> sandbox.contains(a.id(), m));
    }

    @Test
    void pushingTheSameBatchTwiceIsHarmless() {
        Destination d = open();
        AudienceRef a = audience(d);
        Batch b = batch(a, Operation.ADD, members("twice", 20));
        push(d, b);
        BatchResult again = push(d, b);
        assertThat(again.count(RowStatus.OK)).isEqualTo(20);
        assertThat(sandbox.memberCount(a.id())).isEqualTo(20);
    }

    @Test
    void removingMembersWorksAndRemovingAbsentMembersIsFine() {
        Assumptions.assumeTrue(supportsRemove(), "destination does not remove members");
        Destination d = open();
        AudienceRef a = audience(d);
        List<Member> ms = members("rm", 10);
        push(d, batch(a, Operation.ADD, ms));
        BatchResult removed = push(d, batch(a, Operation.REMOVE, ms.subList(0, 4)));
        assertThat(removed.count(RowStatus.OK)).isEqualTo(4);
        assertThat(sandbox.memberCount(a.id())).isEqualTo(6);
        BatchResult absent = push(d, batch(a, Operation.REMOVE, members("never-added", 5)));
        if (absentRemovesAreOk()) {
            assertThat(absent.count(RowStatus.OK)).as("removing absent members is not an error").isEqualTo(5);
        } else {
            assertThat(absent.rows()).as("absent members are rejected with a reason, not thrown or retried")
                    .allMatch(r -> r.status() == RowStatus.REJECTED && r.code() != null && r.message() != null);
        }
        assertThat(sandbox.memberCount(a.id())).isEqualTo(6);
    }

    /**
     * A member whose warehouse row was erased (or whose identifiers changed) is removed with nothing but the removal
     * handle the destination returned when it was added ({@link RowResult#destinationId()}, kept by the engine in
     * {@code sync_state}). Mandatory for every destination that removes.
     */
    @Test
    void aMemberAddedAndThenRemovedWithOnlyItsDestinationIdLeavesTheAudience() {
        Assumptions.assumeTrue(supportsRemove(), "destination does not remove members");
        Destination d = open();
        AudienceRef a = audience(d);
        List<Member> ms = members("erased", 3);
        BatchResult added = push(d, batch(a, Operation.ADD, ms));
        assertThat(added.count(RowStatus.OK)).isEqualTo(3);
        List<Member> handlesOnly = new ArrayList<>();
        for (RowResult r : added.rows()) handlesOnly.add(new Member(r.key(), Map.of(), Map.of(), r.destinationId()));

        BatchResult removed = push(d, batch(a, Operation.REMOVE, handlesOnly.subList(0, 2)));

        assertThat(removed.count(RowStatus.OK)).isEqualTo(2);
        assertThat(sandbox.contains(a.id(), ms.get(0))).as("removed by its destination id alone").isFalse();
        assertThat(sandbox.contains(a.id(), ms.get(1))).as("removed by its destination id alone").isFalse();
        assertThat(sandbox.contains(a.id(), ms.get(2))).as("a member not removed stays").isTrue();
        assertThat(sandbox.memberCount(a.id())).isEqualTo(1);
    }

    @Test
    void rateLimitBecomesRetriableWithTheServersWait() {
        Destination d = open();
        AudienceRef a = audience(d);
        Duration expected = sandbox.injectRateLimit(Duration.ofSeconds(120));
        Throwable t = recordFailure(catchThrowable(() -> d.push(batch(a, Operation.ADD, members("limited", 3)))));
        assertThat(t).isInstanceOf(RetriableDestinationException.class);
        assertThat(((RetriableDestinationException) t).retryAfter()).contains(expected);
    }

    @Test
    void serverErrorsAndResetsAreRetriable() {
        Destination d = open();
        AudienceRef a = audience(d);
        sandbox.injectServerError();
        assertThat(recordFailure(catchThrowable(() -> d.push(batch(a, Operation.ADD, members("5xx", 3))))))
                .isInstanceOf(RetriableDestinationException.class);
        sandbox.injectConnectionReset();
        assertThat(recordFailure(catchThrowable(() -> d.push(batch(a, Operation.ADD, members("reset", 3))))))
                .isInstanceOf(RetriableDestinationException.class);
    }

    @Test
    void aBadRowIsRejectedNotThrown() {
        Destination d = open();
        AudienceRef a = audience(d);
        List<Member> ms = new ArrayList<>(members("mixed", 5));
        Member bad = invalidMember("bad-row");
        pushed.add(bad);
        ms.add(2, bad);
        BatchResult r = push(d, batch(a, Operation.ADD, ms));
        RowResult badResult = r.rows().stream().filter(x -> x.key().equals("bad-row")).findFirst().orElseThrow();
        assertThat(badResult.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(badResult.code()).isNotBlank();
        assertThat(badResult.message()).isNotBlank();
        assertThat(r.count(RowStatus.OK)).isEqualTo(5);
        assertThat(sandbox.memberCount(a.id())).isEqualTo(5);
    }

    @Test
    void aRowFailedForNowIsReportedRetryNotOkNorRejectedAndTheRestOk() {
        Destination d = open();
        AudienceRef a = audience(d);
        List<Member> ms = members("for-now", 6);
        sandbox.failRowsForNow(1);
        BatchResult r = push(d, batch(a, Operation.ADD, ms));
        Optional<String> wholeRequestOnly = transientFailuresAreWholeRequestOnly();
        if (wholeRequestOnly.isPresent()) {
            assertThat(wholeRequestOnly.get()).as("why %s has no per-row transient answer", type()).isNotBlank();
            assertThat(r.count(RowStatus.OK)).as("a vendor without per-row transient answers fails no row").isEqualTo(6);
            assertThat(sandbox.memberCount(a.id())).isEqualTo(6);
            return;
        }
        assertThat(r.count(RowStatus.RETRY)).as("rows failed for now").isEqualTo(1);
        assertThat(r.count(RowStatus.REJECTED)).as("a transient failure is not a rejection").isZero();
        assertThat(r.count(RowStatus.OK)).isEqualTo(5);
        RowResult retry = r.rows().stream().filter(x -> x.status() == RowStatus.RETRY).findFirst().orElseThrow();
        assertThat(retry.code()).isNotBlank();
        Member failed = ms.stream().filter(m -> m.key().equals(retry.key())).findFirst().orElseThrow();
        assertThat(sandbox.contains(a.id(), failed)).as("the row failed for now is not in the audience").isFalse();
        assertThat(sandbox.memberCount(a.id())).isEqualTo(5);

        BatchResult resent = push(d, batch(a, Operation.ADD, List.of(failed)));
        assertThat(resent.count(RowStatus.OK)).as("the row sent again by the next run").isEqualTo(1);
        assertThat(sandbox.contains(a.id(), failed)).isTrue();
        assertThat(sandbox.memberCount(a.id())).isEqualTo(6);
    }

    @Test
    void anOversizedBatchIsRefused() {
        Destination d = open();
        AudienceRef a = audience(d);
        int max = capabilities().maxBatchSize();
        List<Member> ms = new ArrayList<>(max + 1);
        for (int i = 0; i <= max; i++) ms.add(validMember("big-" + i, i));
        assertThatThrownBy(() -> d.push(batch(a, Operation.ADD, ms))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.memberCount(a.id())).isZero();
    }

    @Test
    void injectedFaultsLoseNoRows() {
        Destination d = open();
        AudienceRef a = audience(d);
        int batches = 12;
        int size = 40;
        int retries = 0;
        List<Member> all = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            List<Member> ms = members("faults-" + i, size);
            all.addAll(ms);
            switch (i % 4) {
                case 0 -> sandbox.injectRateLimit(Duration.ofSeconds(1));
                case 1 -> sandbox.injectServerError();
                case 2 -> sandbox.injectConnectionReset();
                default -> { }
            }
            Batch b = Batch.builder(a, Operation.ADD, ms).sequence(i).lastBatch(i == batches - 1).totalInRun((long) batches * size).build();
            BatchResult r = null;
            for (int attempt = 0; r == null; attempt++) {
                assertThat(attempt).as("attempts for batch %d", i).isLessThan(5);
                try {
                    r = push(d, b);
                } catch (RetriableDestinationException e) {
                    recordFailure(e);
                    retries++;
                }
            }
            assertThat(r.count(RowStatus.OK)).isEqualTo(size);
        }
        assertThat(retries).isEqualTo(9);
        assertThat(sandbox.memberCount(a.id())).isEqualTo(batches * size);
        assertThat(all).allMatch(m -> sandbox.contains(a.id(), m));
    }
}
