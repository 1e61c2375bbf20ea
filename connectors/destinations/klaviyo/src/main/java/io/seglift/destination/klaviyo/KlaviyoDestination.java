package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RequestScope;
import io.seglift.spi.time.Sleeper;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Klaviyo as a destination. Adds and updates go through bulk import jobs that create or update the profiles and add
 * them to the list in one call, each request sized in bytes and profiles to Klaviyo's documented limits
 * ({@link KlaviyoLimits}); the push waits for each job, matches its import errors to rows by {@code original_payload}
 * and stores every imported profile's id in {@link RowResult#destinationId()}, found with {@code GET /api/profiles}
 * (tier L, 75/s) rather than by paging the job's profiles (tier M, 10/s). A job still running when the wait ends
 * is remembered by its request's fingerprint and polled again on the retry, never imported a second time beside it.
 * Removal uses the stored profile ids (so members with only a phone number, or whose customer row was erased, leave
 * the list), else looks profiles up by email, phone number or external id (100 per lookup), and deletes list
 * relationships 1,000 at a time; members Klaviyo does not know are already absent, so they are OK.
 */
public final class KlaviyoDestination implements Destination {
    static final int MAX_BATCH = KlaviyoLimits.IMPORT_PROFILES_PER_JOB;
    static final int RELATIONSHIP_CHUNK = KlaviyoLimits.RELATIONSHIP_PROFILES_PER_CALL;
    static final int LOOKUP_CHUNK = KlaviyoLimits.PROFILES_PAGE_SIZE;
    private static final int REMEMBERED_JOBS = 1_000;
    private static final int PAGE_READ_ATTEMPTS = 5;
    private static final Duration LONGEST_PAGE_READ_WAIT = Duration.ofMinutes(1);
    /** The first wait between polls of an import job; see {@link #pollWait}. */
    static final Duration FIRST_POLL_WAIT = Duration.ofMillis(250);
    /** Polls whose wait ramps up (250 ms, 0.5 s, 1 s, 2 s, each at most {@code job_poll_interval}) before the interval. */
    private static final int POLL_RAMP_STEPS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoDestination.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KlaviyoClient client;
    private final KlaviyoOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProfileMapper mapper = new ProfileMapper();
    private final ImportRequests requests;
    /** Import jobs started by this instance and not yet read to the end, by request fingerprint. */
    private final Map<String, ImportJob> jobsByRequest = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportJob> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    });

    /** @param sleeper waits between polls of an import job (the context's, so tests never sleep) */
    public KlaviyoDestination(KlaviyoClient client, KlaviyoOptions options, Clock clock, Sleeper sleeper) {
        this(client, options, clock, sleeper, new ImportRequests());
    }

    KlaviyoDestination(KlaviyoClient client, KlaviyoOptions options, Clock clock, Sleeper sleeper,
                       ImportRequests requests) {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.requests = requests;
    }

    /**
     * What every Klaviyo destination can do. Each documented limit (Klaviyo's rate-limit tiers, per endpoint, as the
     * spec states them in each operation's description) applies to the requests of its endpoint:
     * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling
     */
    public static Capabilities capabilities() {
        RequestScope importJobs = RequestScope.of("POST", "/api/profile-bulk-import-jobs");
        RequestScope importJobReads = RequestScope.of("GET", "/api/profile-bulk-import-jobs/**");
        RequestScope relationships = RequestScope.path("/api/lists/*/relationships/**");
        RequestScope listsRead = RequestScope.of("GET", "/api/lists/**");
        RequestScope listsCreate = RequestScope.of("POST", "/api/lists");
        RequestScope profilesRead = RequestScope.of("GET", "/api/profiles");
        return Capabilities.builder(Channel.EMAIL)
                .identifiers(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.EXTERNAL_ID,
                        IdentifierType.FIRST_NAME, IdentifierType.LAST_NAME)
                .maxBatchSize(MAX_BATCH)
                .rateLimit(new RateLimit("profile-bulk-import-jobs:steady", 150, Duration.ofMinutes(1), importJobs))
                .rateLimit(new RateLimit("profile-bulk-import-jobs:burst", 10, Duration.ofSeconds(1), importJobs))
                .rateLimit(new RateLimit("profile-bulk-import-jobs-read:steady", 150, Duration.ofMinutes(1), importJobReads))
                .rateLimit(new RateLimit("profile-bulk-import-jobs-read:burst", 10, Duration.ofSeconds(1), importJobReads))
                .rateLimit(new RateLimit("lists-relationships:steady", 150, Duration.ofMinutes(1), relationships))
                .rateLimit(new RateLimit("lists-relationships:burst", 10, Duration.ofSeconds(1), relationships))
                .rateLimit(new RateLimit("lists-read:steady", 750, Duration.ofMinutes(1), listsRead))
                .rateLimit(new RateLimit("lists-read:burst", 75, Duration.ofSeconds(1), listsRead))
                .rateLimit(new RateLimit("lists-create:daily", 150, Duration.ofDays(1), listsCreate))
                .rateLimit(new RateLimit("profiles-read:steady", 750, Duration.ofMinutes(1), profilesRead))
                .rateLimit(new RateLimit("profiles-read:burst", 75, Duration.ofSeconds(1), profilesRead))
                .modes(SyncMode.MIRROR, SyncMode.ADD_ONLY, SyncMode.UPSERT).removes().attributes()
                .build();
    }

    @Override
    public void check() {
        client.call("GET", "/api/lists?page%5Bsize%5D=1", null);
    }

    /**
     * The known list id first ({@code GET /api/lists/{id}}), else a list with the exact name ({@code GET /api/lists}
     * with {@code filter=equals(name,"...")}; the spec allows {@code name} with {@code any} and {@code equals}), else a
     * new list. When the known list is gone, whatever is returned reports {@code created}: the sync's state described
     * the deleted list, so the engine sends the whole segment again.
     */
    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        String name = spec.displayName();
        boolean lost = false;
        if (spec.knownId() != null && !spec.knownId().isBlank()) {
            Optional<JsonNode> known = client.find("/api/lists/" + encode(spec.knownId()));
            if (known.isPresent()) {
                JsonNode data = known.get().path("data");
                return new AudienceRef(data.path("id").asText(spec.knownId()), data.path("attributes").path("name")
                        .asText(name), false);
            }
            lost = true;
            LOG.warn("Klaviyo list {} of segment {} no longer exists; the segment goes to another list and is sent "
                    + "again in full", spec.knownId(), spec.key());
        }
        String filter = "equals(name,\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
        JsonNode found = client.call("GET", "/api/lists?filter=" + encode(filter), null).path("data");
        if (found.size() > 0) {
            return new AudienceRef(found.path(0).path("id").asText(), name, lost);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").put("type", "list").putObject("attributes").put("name", name);
        String id = client.call("POST", "/api/lists", body).path("data").path("id").asText();
        if (id.isEmpty()) throw new DestinationException("NO_ID", "Klaviyo created list '" + name + "' without an id");
        LOG.info("created Klaviyo list {} for segment {}", id, spec.key());
        return new AudienceRef(id, name, true);
    }

    @Override
    public BatchResult push(Batch batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("batch of " + batch.size() + " rows exceeds Klaviyo's " + MAX_BATCH
                    + " profiles per import job");
        }
        return batch.operation() == Operation.REMOVE ? remove(batch) : importProfiles(batch);
    }

    private BatchResult importProfiles(Batch batch) {
        Map<String, RowResult> results = new LinkedHashMap<>();
        batch.members().forEach(m -> results.put(m.key(), null));
        List<Member> sendable = new ArrayList<>();
        List<ObjectNode> profiles = new ArrayList<>();
        for (Member m : batch.members()) {
            Optional<String> problem = mapper.problem(m);
            if (problem.isPresent()) {
                results.put(m.key(), RowResult.rejected(m.key(), "NO_IDENTIFIER", problem.get()));
            } else {
                sendable.add(m);
                profiles.add(mapper.profile(m));
            }
        }
        ImportRequests.Plan plan = requests.plan(batch.audience().id(), sendable, profiles);
        for (ImportRequests.Oversized o : plan.oversized()) {
            results.put(o.member().key(), RowResult.rejected(o.member().key(), "PROFILE_TOO_LARGE", "the profile is "
                    + o.bytes() + " bytes; Klaviyo's bulk import accepts at most " + KlaviyoLimits.IMPORT_PROFILE_BYTES
                    + " bytes per profile: map fewer or shorter fields to this destination"));
        }
        for (ImportRequests.Request request : plan.requests()) {
            ImportJob job = jobsByRequest.computeIfAbsent(request.fingerprint(), f -> new ImportJob(startJob(request)));
            String jobId = job.id;
            JobOutcome outcome = awaitJob(job, request);
            for (int i = 0; i < request.members().size(); i++) {
                String key = request.members().get(i).key();
                String error = outcome.errors().get(i);
                results.put(key, error == null ? RowResult.ok(key, outcome.profileIds().get(i))
                        : RowResult.rejected(key, "KLAVIYO_IMPORT_ERROR", error));
            }
            LOG.debug("Klaviyo import job {} for batch {}: {} profiles, {} errors", jobId, batch.sequence(),
                    request.members().size(), outcome.errors().size());
        }
        plan.requests().forEach(r -> jobsByRequest.remove(r.fingerprint()));
        return new BatchResult(List.copyOf(results.values()));
    }

    private record JobOutcome(Map<Integer, String> errors, Map<Integer, String> profileIds) {
    }

    /**
     * One import job and how far its results have been read: a retry after a failed page or lookup goes on from there,
     * so a 10,000-profile job (100 lookups of profile ids) is read to the end even when calls fail now and then.
     */
    private static final class ImportJob {
        final String id;
        boolean complete;
        final Map<Integer, String> errors = new HashMap<>();
        String errorsNext;
        boolean errorsRead;
        final Map<Integer, String> profileIds = new HashMap<>();
        int lookupsDone;
        String profilesNext;
        boolean profilesRead;

        ImportJob(String id) {
            this.id = id;
        }
    }

    private String startJob(ImportRequests.Request request) {
        String id = client.call("POST", "/api/profile-bulk-import-jobs", request.body()).path("data").path("id").asText();
        if (id.isEmpty()) throw new RetriableDestinationException("NO_JOB_ID", "Klaviyo accepted an import job without an id", null);
        return id;
    }

    /**
     * Waits for the job (spec: {@code GET /api/profile-bulk-import-jobs/{job_id}}, attribute {@code status}) and reads
     * its import errors and its profiles. A job Klaviyo no longer knows or cancelled is forgotten, so the retry starts
     * a new one; a job still running stays remembered, so the retry polls it instead of importing again.
     */
    private JobOutcome awaitJob(ImportJob job, ImportRequests.Request request) {
        String jobId = job.id;
        Instant deadline = clock.instant().plus(options.jobTimeout());
        long maxPolls = pollsWithin(options.jobTimeout(), options.jobPollInterval());
        for (long poll = 0; !job.complete; poll++) {
            Optional<JsonNode> found = client.find("/api/profile-bulk-import-jobs/" + encode(jobId));
            if (found.isEmpty()) {
                jobsByRequest.remove(request.fingerprint());
                throw new RetriableDestinationException("JOB_GONE", "Klaviyo no longer knows import job " + jobId
                        + "; the batch is imported again (imports are upserts)", null);
            }
            JsonNode attributes = found.get().path("data").path("attributes");
            String status = attributes.path("status").asText();
            if (status.equals("complete")) {
                job.complete = true;
                job.errorsRead = attributes.path("failed_count").asInt(0) == 0;
                break;
            }
            if (status.equals("cancelled")) {
                jobsByRequest.remove(request.fingerprint());
                throw new RetriableDestinationException("JOB_CANCELLED", "Klaviyo cancelled import job " + jobId, null);
            }
            if (!clock.instant().isBefore(deadline) || poll >= maxPolls) {
                throw new RetriableDestinationException("JOB_TIMEOUT", "Klaviyo import job " + jobId + " still "
                        + status + " after " + options.jobTimeout() + "; the retry polls the same job",
                        options.jobPollInterval());
            }
            try {
                sleeper.sleep(pollWait(poll, options.jobPollInterval()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableDestinationException("INTERRUPTED", "interrupted waiting for import job " + jobId, null, e);
            }
        }
        IdentityIndex index = new IdentityIndex(request.profiles());
        if (!job.errorsRead) readImportErrors(job, index, request.profiles().size());
        if (!job.profilesRead) readProfileIds(job, index, request.profiles());
        return new JobOutcome(job.errors, job.profileIds);
    }

    /**
     * The wait after poll {@code poll} (0 for the first) of an import job that is still processing: a small job is
     * usually done within a second, so the waits start at {@link #FIRST_POLL_WAIT} and double up to
     * {@code job_poll_interval}, which a long job is then polled at (each poll is a request of the job-read limit).
     */
    static Duration pollWait(long poll, Duration interval) {
        if (poll >= POLL_RAMP_STEPS) return interval;
        Duration ramp = FIRST_POLL_WAIT.multipliedBy(1L << poll);
        return ramp.compareTo(interval) < 0 ? ramp : interval;
    }

    /** Polls of one job whose waits before them add up to at most {@code timeout} (the first poll waits for none). */
    static long pollsWithin(Duration timeout, Duration interval) {
        long left = timeout.toMillis();
        long polls = 1;
        for (int poll = 0; poll < POLL_RAMP_STEPS; poll++) {
            long wait = pollWait(poll, interval).toMillis();
            if (wait > left) return polls;
            left -= wait;
            polls++;
        }
        return polls + left / Math.max(1, interval.toMillis());
    }

    /** Import errors by position in the request (spec: {@code GET /api/profile-bulk-import-jobs/{id}/import-errors}). */
    private void readImportErrors(ImportJob job, IdentityIndex index, int sent) {
        ImportErrorMatcher matcher = new ImportErrorMatcher(index, sent);
        if (job.errorsNext == null) {
            job.errorsNext = "/api/profile-bulk-import-jobs/" + encode(job.id) + "/import-errors?page%5Bsize%5D=100";
        }
        int unmatched = 0;
        while (job.errorsNext != null) {
            JsonNode page = readPage(job.errorsNext);
            for (JsonNode e : page.path("data")) {
                List<Integer> positions = matcher.positions(e);
                if (positions.isEmpty()) unmatched++;
                positions.forEach(i -> job.errors.put(i, ImportErrorMatcher.reason(e)));
            }
            job.errorsNext = relative(page.path("links").path("next").asText(null));
        }
        job.errorsRead = true;
        if (unmatched > 0) {
            LOG.warn("Klaviyo import job {}: {} import errors name no profile of the request", job.id, unmatched);
        }
    }

    /**
     * Profile ids by position in the request, for the rows the job imported: looked up by the identifier each row was
     * imported by ({@code GET /api/profiles?filter=any(email|phone_number|external_id,[...])}, 100 values a call, the
     * spec's {@code page[size]} maximum), so that removal finds phone-only and erased members by id. The job's own
     * {@code GET /api/profile-bulk-import-jobs/{id}/profiles} answers the same, 100 a page, but in tier M (burst 10/s,
     * steady 150/m) where {@code GET /api/profiles} is tier L (burst 75/s, steady 750/m); both as the spec's
     * descriptions state them, https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling. When a lookup
     * misses an imported row (Klaviyo documents no delay before an imported profile can be found), the job's own
     * profiles are paged for it; a row neither lists keeps no id.
     */
    private void readProfileIds(ImportJob job, IdentityIndex index, List<ObjectNode> sent) {
        List<Lookup> lookups = new ArrayList<>();
        Map<String, List<String>> valuesByKind = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            if (job.errors.containsKey(i)) continue;
            List<String> keys = ProfileMapper.identityKeys(sent.get(i));
            if (keys.isEmpty()) continue;
            String key = keys.get(0);
            int colon = key.indexOf(':');
            valuesByKind.computeIfAbsent(key.substring(0, colon), k -> new ArrayList<>()).add(key.substring(colon + 1));
        }
        valuesByKind.forEach((kind, values) -> {
            List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
            for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
                lookups.add(new Lookup(kind, distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK))));
            }
        });
        for (; job.lookupsDone < lookups.size(); job.lookupsDone++) {
            Lookup lookup = lookups.get(job.lookupsDone);
            String next = lookupPath(lookup.kind(), lookup.values());
            while (next != null) {
                JsonNode page = readPage(next);
                for (JsonNode p : page.path("data")) {
                    String id = p.path("id").asText("");
                    if (!id.isEmpty()) index.positionsOf(p).forEach(i -> job.profileIds.put(i, id));
                }
                next = relative(page.path("links").path("next").asText(null));
            }
        }
        boolean missed = false;
        for (int i = 0; i < sent.size() && !missed; i++) {
            missed = !job.errors.containsKey(i) && !job.profileIds.containsKey(i);
        }
        if (missed) readJobProfiles(job, index);
        job.profilesRead = true;
    }

    /** Profile ids from the job's profiles (spec: {@code GET /api/profile-bulk-import-jobs/{id}/profiles}). */
    private void readJobProfiles(ImportJob job, IdentityIndex index) {
        if (job.profilesNext == null) {
            job.profilesNext = "/api/profile-bulk-import-jobs/" + encode(job.id) + "/profiles?fields%5Bprofile%5D="
                    + encode("email,phone_number,external_id") + "&page%5Bsize%5D=" + KlaviyoLimits.PROFILES_PAGE_SIZE;
        }
        while (!job.profilesNext.isEmpty()) {
            JsonNode page = readPage(job.profilesNext);
            for (JsonNode p : page.path("data")) {
                String id = p.path("id").asText("");
                if (!id.isEmpty()) index.positionsOf(p).forEach(i -> job.profileIds.putIfAbsent(i, id));
            }
            String next = relative(page.path("links").path("next").asText(null));
            job.profilesNext = next == null ? "" : next;
        }
    }

    /** Up to {@link #LOOKUP_CHUNK} identifier values of one kind ({@code email}, {@code phone}, {@code external}). */
    private record Lookup(String kind, List<String> values) {
    }

    /**
     * {@code GET /api/profiles} with {@code filter=any(field,[...])}; the spec allows {@code any} on {@code email},
     * {@code phone_number} and {@code external_id}. Asks only for the identifiers ({@code fields[profile]}).
     */
    private static String lookupPath(String kind, List<String> values) {
        String field = switch (kind) {
            case "email" -> "email";
            case "phone" -> "phone_number";
            default -> "external_id";
        };
        StringBuilder filter = new StringBuilder("any(").append(field).append(",[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) filter.append(',');
            filter.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        filter.append("])");
        return "/api/profiles?filter=" + encode(filter.toString()) + "&fields%5Bprofile%5D="
                + encode("email,phone_number,external_id") + "&page%5Bsize%5D=" + LOOKUP_CHUNK;
    }

    /**
     * One page of a finished job's results, or one lookup of its profiles. The read is idempotent and the job is done,
     * so a transient failure is retried here, a few times and after the wait the server asked for (a 429's
     * {@code Retry-After}), else after a backoff that starts at {@link #FIRST_POLL_WAIT} and doubles up to
     * {@code job_poll_interval} (Klaviyo asks for backoff, and documents no minimum wait:
     * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling), rather than failing the push; a longer
     * wait, or a fifth failure, goes to the engine.
     */
    private JsonNode readPage(String path) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.call("GET", path, null);
            } catch (RetriableDestinationException e) {
                Duration wait = e.retryAfter().orElse(pollWait(attempt - 1, options.jobPollInterval()));
                if (attempt >= PAGE_READ_ATTEMPTS || wait.compareTo(LONGEST_PAGE_READ_WAIT) > 0) throw e;
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private BatchResult remove(Batch batch) {
        Map<String, RowResult> results = new LinkedHashMap<>();
        batch.members().forEach(m -> results.put(m.key(), null));
        Map<String, String> profileIds = new HashMap<>();
        Map<String, Map<String, List<String>>> lookups = new LinkedHashMap<>();
        for (Member m : batch.members()) {
            if (m.destinationId() != null && !m.destinationId().isBlank()) {
                profileIds.put(m.key(), m.destinationId());
                continue;
            }
            List<String> keys = ProfileMapper.identityKeys(mapper.profile(m));
            if (keys.isEmpty()) {
                results.put(m.key(), RowResult.rejected(m.key(), "NO_IDENTIFIER", "no stored Klaviyo profile id and no "
                        + "email, E.164 phone number or external_id to find the profile by"));
                continue;
            }
            String key = keys.get(0);
            int colon = key.indexOf(':');
            lookups.computeIfAbsent(key.substring(0, colon), f -> new LinkedHashMap<>())
                    .computeIfAbsent(key.substring(colon + 1), v -> new ArrayList<>()).add(m.key());
        }
        lookups.forEach((kind, byValue) -> lookup(kind, byValue, profileIds));
        List<String> ids = List.copyOf(new LinkedHashSet<>(profileIds.values()));
        for (int from = 0; from < ids.size(); from += RELATIONSHIP_CHUNK) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode data = body.putArray("data");
            ids.subList(from, Math.min(ids.size(), from + RELATIONSHIP_CHUNK))
                    .forEach(id -> data.addObject().put("type", "profile").put("id", id));
            client.call("DELETE", "/api/lists/" + encode(batch.audience().id()) + "/relationships/profiles", body);
        }
        for (Member m : batch.members()) {
            if (results.get(m.key()) == null) results.put(m.key(), RowResult.ok(m.key(), profileIds.get(m.key())));
        }
        return new BatchResult(List.copyOf(results.values()));
    }

    /**
     * Looks profiles up with {@code GET /api/profiles?filter=any(field,[...])}; the spec allows {@code any} on
     * {@code email}, {@code phone_number} and {@code external_id}. Adds the ids of the profiles found by member key.
     */
    private void lookup(String kind, Map<String, List<String>> memberKeysByValue, Map<String, String> ids) {
        List<String> values = List.copyOf(memberKeysByValue.keySet());
        for (int from = 0; from < values.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + LOOKUP_CHUNK));
            String next = lookupPath(kind, chunk);
            while (next != null) {
                JsonNode page = client.call("GET", next, null);
                for (JsonNode p : page.path("data")) {
                    for (String key : ProfileMapper.identityKeys(p)) {
                        if (!key.startsWith(kind + ":")) continue;
                        List<String> members = memberKeysByValue.get(key.substring(kind.length() + 1));
                        if (members != null) members.forEach(k -> ids.put(k, p.path("id").asText()));
                    }
                }
                next = relative(page.path("links").path("next").asText(null));
            }
        }
    }

    /** Klaviyo's pagination links are absolute; calls go to the configured base URL, so keep path and query only. */
    private static String relative(String link) {
        if (link == null || link.isBlank()) return null;
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "KlaviyoDestination[" + options.baseUrl() + "]";
    }
}
