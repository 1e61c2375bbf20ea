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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Klaviyo as a destination. Adds and updates go through one bulk import job per batch (up to 10,000 profiles, created
 * or updated and added to the list in one call, instead of one profile call per member followed by 1,000-id relationship
 * calls); the push waits for the job and turns its import errors into rejected rows. Removal resolves profile ids (from
 * earlier syncs, else by email or external id, 100 per lookup) and deletes list relationships 1,000 at a time; members
 * Klaviyo does not know are already absent, so they are OK.
 */
public final class KlaviyoDestination implements Destination {
    static final int MAX_BATCH = 10_000;
    static final int RELATIONSHIP_CHUNK = 1_000;
    static final int LOOKUP_CHUNK = 100;
    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoDestination.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROFILE_POINTER = Pattern.compile("/data/attributes/profiles/data/(\\d+)");

    private final KlaviyoClient client;
    private final KlaviyoOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProfileMapper mapper = new ProfileMapper();

    /** @param sleeper waits between polls of an import job (the context's, so tests never sleep) */
    public KlaviyoDestination(KlaviyoClient client, KlaviyoOptions options, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * What every Klaviyo destination can do. Each documented limit (Klaviyo's rate-limit tiers, per endpoint) applies
     * to the requests of its endpoint: https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling
     */
    public static Capabilities capabilities() {
        RequestScope importJobs = RequestScope.of("POST", "/api/profile-bulk-import-jobs");
        RequestScope relationships = RequestScope.path("/api/lists/*/relationships/**");
        RequestScope listsRead = RequestScope.of("GET", "/api/lists/**");
        RequestScope listsCreate = RequestScope.of("POST", "/api/lists");
        return Capabilities.builder(Channel.EMAIL)
                .identifiers(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.EXTERNAL_ID,
                        IdentifierType.FIRST_NAME, IdentifierType.LAST_NAME)
                .maxBatchSize(MAX_BATCH)
                .rateLimit(new RateLimit("profile-bulk-import-jobs:steady", 150, Duration.ofMinutes(1), importJobs))
                .rateLimit(new RateLimit("profile-bulk-import-jobs:burst", 10, Duration.ofSeconds(1), importJobs))
                .rateLimit(new RateLimit("lists-relationships:steady", 150, Duration.ofMinutes(1), relationships))
                .rateLimit(new RateLimit("lists-relationships:burst", 10, Duration.ofSeconds(1), relationships))
                .rateLimit(new RateLimit("lists-read:steady", 750, Duration.ofMinutes(1), listsRead))
                .rateLimit(new RateLimit("lists-read:burst", 75, Duration.ofSeconds(1), listsRead))
                .rateLimit(new RateLimit("lists-create:daily", 150, Duration.ofDays(1), listsCreate))
                .modes(SyncMode.MIRROR, SyncMode.ADD_ONLY, SyncMode.UPSERT).removes().attributes()
                .build();
    }

    @Override
    public void check() {
        client.call("GET", "/api/lists?page%5Bsize%5D=1", null);
    }

    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        String name = spec.displayName();
        String filter = "equals(name,\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
        JsonNode found = client.call("GET", "/api/lists?filter=" + encode(filter), null).path("data");
        if (found.size() > 0) {
            return new AudienceRef(found.path(0).path("id").asText(), name, false);
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
        List<Member> sent = new ArrayList<>();
        ArrayNode profiles = JSON.createArrayNode();
        for (Member m : batch.members()) {
            Optional<String> problem = mapper.problem(m);
            if (problem.isPresent()) {
                results.put(m.key(), RowResult.rejected(m.key(), "NO_IDENTIFIER", problem.get()));
            } else {
                sent.add(m);
                profiles.add(mapper.profile(m));
            }
        }
        if (!sent.isEmpty()) {
            String jobId = startJob(batch.audience().id(), profiles);
            Map<Integer, String> errors = awaitJob(jobId);
            for (int i = 0; i < sent.size(); i++) {
                String key = sent.get(i).key();
                String error = errors.get(i);
                results.put(key, error == null ? RowResult.ok(key, null)
                        : RowResult.rejected(key, "KLAVIYO_IMPORT_ERROR", error));
            }
            LOG.debug("Klaviyo import job {} for batch {}: {} profiles, {} errors", jobId, batch.sequence(),
                    sent.size(), errors.size());
        }
        return new BatchResult(List.copyOf(results.values()));
    }

    private String startJob(String listId, ArrayNode profiles) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("data").put("type", "profile-bulk-import-job");
        data.putObject("attributes").putObject("profiles").set("data", profiles);
        data.putObject("relationships").putObject("lists").putArray("data").addObject().put("type", "list")
                .put("id", listId);
        String id = client.call("POST", "/api/profile-bulk-import-jobs", body).path("data").path("id").asText();
        if (id.isEmpty()) throw new RetriableDestinationException("NO_JOB_ID", "Klaviyo accepted an import job without an id", null);
        return id;
    }

    /** Waits for the job to finish and returns its import errors by position in the job's profile array. */
    private Map<Integer, String> awaitJob(String jobId) {
        Instant deadline = clock.instant().plus(options.jobTimeout());
        long maxPolls = options.jobTimeout().toMillis() / Math.max(1, options.jobPollInterval().toMillis()) + 1;
        for (long poll = 0; ; poll++) {
            JsonNode attributes = client.call("GET", "/api/profile-bulk-import-jobs/" + encode(jobId), null)
                    .path("data").path("attributes");
            String status = attributes.path("status").asText();
            if (status.equals("complete")) {
                return attributes.path("failed_count").asInt(0) == 0 ? Map.of() : importErrors(jobId);
            }
            if (status.equals("cancelled")) {
                throw new RetriableDestinationException("JOB_CANCELLED", "Klaviyo cancelled import job " + jobId, null);
            }
            if (!clock.instant().isBefore(deadline) || poll >= maxPolls) {
                throw new RetriableDestinationException("JOB_TIMEOUT", "Klaviyo import job " + jobId + " still "
                        + status + " after " + options.jobTimeout() + "; the batch is retried (imports are upserts)",
                        options.jobPollInterval());
            }
            try {
                sleeper.sleep(options.jobPollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableDestinationException("INTERRUPTED", "interrupted waiting for import job " + jobId, null, e);
            }
        }
    }

    private Map<Integer, String> importErrors(String jobId) {
        Map<Integer, String> errors = new HashMap<>();
        String next = "/api/profile-bulk-import-jobs/" + encode(jobId) + "/import-errors?page%5Bsize%5D=100";
        while (next != null) {
            JsonNode page = client.call("GET", next, null);
            for (JsonNode e : page.path("data")) {
                JsonNode attributes = e.path("attributes");
                Matcher m = PROFILE_POINTER.matcher(attributes.path("source").path("pointer").asText(""));
                if (m.find()) {
                    errors.put(Integer.parseInt(m.group(1)), "Klaviyo rejected the profile: "
                            + attributes.path("code").asText("invalid") + " (" + attributes.path("title").asText("invalid input") + ")");
                }
            }
            next = relative(page.path("links").path("next").asText(null));
        }
        return errors;
    }

    private BatchResult remove(Batch batch) {
        Map<String, String> profileIds = resolveProfileIds(batch.members());
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(profileIds.values()));
        for (int from = 0; from < ids.size(); from += RELATIONSHIP_CHUNK) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode data = body.putArray("data");
            ids.subList(from, Math.min(ids.size(), from + RELATIONSHIP_CHUNK))
                    .forEach(id -> data.addObject().put("type", "profile").put("id", id));
            client.call("DELETE", "/api/lists/" + encode(batch.audience().id()) + "/relationships/profiles", body);
        }
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (Member m : batch.members()) rows.add(RowResult.ok(m.key(), profileIds.get(m.key())));
        return new BatchResult(rows);
    }

    /** Profile ids by member key, for members Klaviyo knows; unknown members are absent from the map. */
    private Map<String, String> resolveProfileIds(List<Member> members) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> byEmail = new HashMap<>();
        Map<String, String> byExternalId = new HashMap<>();
        for (Member m : members) {
            String email = m.identifier(IdentifierType.EMAIL);
            String externalId = m.identifier(IdentifierType.EXTERNAL_ID);
            if (m.destinationId() != null) ids.put(m.key(), m.destinationId());
            else if (email != null && !email.isBlank()) byEmail.put(email.trim().toLowerCase(Locale.ROOT), m.key());
            else if (externalId != null && !externalId.isBlank()) byExternalId.put(externalId.trim(), m.key());
        }
        lookup("email", byEmail, ids);
        lookup("external_id", byExternalId, ids);
        return ids;
    }

    private void lookup(String field, Map<String, String> keysByValue, Map<String, String> ids) {
        List<String> values = List.copyOf(keysByValue.keySet());
        for (int from = 0; from < values.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + LOOKUP_CHUNK));
            StringBuilder filter = new StringBuilder("any(").append(field).append(",[");
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) filter.append(',');
                filter.append('"').append(chunk.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            filter.append("])");
            String next = "/api/profiles?filter=" + encode(filter.toString()) + "&page%5Bsize%5D=100";
            while (next != null) {
                JsonNode page = client.call("GET", next, null);
                for (JsonNode p : page.path("data")) {
                    String value = p.path("attributes").path(field).asText("");
                    String key = keysByValue.get(field.equals("email") ? value.toLowerCase(Locale.ROOT) : value);
                    if (key != null) ids.put(key, p.path("id").asText());
                }
                next = relative(page.path("links").path("next").asText(null));
            }
        }
    }

    /** Klaviyo's pagination links are absolute; calls go to the configured base URL, so keep path and query only. */
    private static String relative(String link) {
        if (link == null || link.isBlank()) return null;
        java.net.URI uri = java.net.URI.create(link);
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
