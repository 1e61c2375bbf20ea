package io.seglift.destination.klaviyo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.destination.klaviyo.KlaviyoLimits;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Klaviyo's API the destination uses, in memory, with Klaviyo's JSON:API shapes. What it accepts and
 * refuses follows Klaviyo's OpenAPI spec (revision {@value #SPEC_REVISION}, https://github.com/klaviyo/openapi,
 * {@code openapi/stable.json}; cited below by path) and developer guides (cited by URL); where Klaviyo documents no
 * behaviour, the comment says so. Lists (by id, by name filter, created, deleted), profile bulk import jobs (reported
 * {@code processing} on the first polls and {@code complete} after, with import errors carrying
 * {@code original_payload}, and the job's profiles), profile lookup by email, phone number or external id, and list
 * relationships. Every request needs {@code Authorization: Klaviyo-API-Key <key>} and a {@code revision} header.
 */
public final class KlaviyoSandboxApi implements SandboxApi {
    /** The revision of the spec this sandbox follows. */
    public static final String SPEC_REVISION = "2026-07-15";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Spec: the {@code revision} header parameter of every operation, "format: YYYY-MM-DD[.suffix]", required. */
    private static final Pattern REVISION = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?$");
    private static final int PAGE = 100;
    /** The origin of the links in answers: Klaviyo's, as the destination must follow links to its configured base URL. */
    private static final String ORIGIN = "https://a.klaviyo.com";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern EQUALS = Pattern.compile("^equals\\((\\w+),\"((?:[^\"\\\\]|\\\\.)*)\"\\)$");
    private static final Pattern ANY = Pattern.compile("^any\\((\\w+),\\[(.*)]\\)$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Predicate<String> keyAccepted;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, String> lists = new LinkedHashMap<>();
    private final Map<String, Set<String>> listMembers = new HashMap<>();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final Map<String, String> profileByEmail = new HashMap<>();
    private final Map<String, String> profileByExternalId = new HashMap<>();
    private final Map<String, String> profileByPhone = new HashMap<>();
    private final Map<String, Job> jobs = new HashMap<>();
    private int processingPolls = 1;
    private boolean pointersAtData;
    private int failProfilesPageAt = -1;
    private int failProfilesPageTimes;
    private long lookupsAnswered;
    private boolean lookupsLag;
    private final Set<String> notYetSearchable = new HashSet<>();
    private long failLookupAt = -1;
    private int failLookupTimes;
    /** The fault injection's partial-failure draw for the request being handled (requests are handled one at a time). */

    /** Spec: ProfileImportJobResponseObjectResource requires status, created_at, total_count and links.self. */
    private record Job(int total, List<ObjectNode> errors, List<String> profileIds, int[] polls, String createdAt) {
    }

    /** A sandbox accepting API keys for which {@code keyAccepted} is true. */
    public KlaviyoSandboxApi(Predicate<String> keyAccepted) {
        this.keyAccepted = keyAccepted;
    }

    /** Emails (lowercase) of the profiles in the list. */
    public synchronized Set<String> memberEmails(String listId) {
        Set<String> emails = new HashSet<>();
        for (String id : listMembers.getOrDefault(listId, Set.of())) {
            emails.add(profiles.get(id).path("attributes").path("email").asText("").toLowerCase(Locale.ROOT));
        }
        return emails;
    }

    /** Number of profiles in the list. */
    public synchronized int memberCount(String listId) {
        return listMembers.getOrDefault(listId, Set.of()).size();
    }

    /** Number of profiles in the account. */
    public synchronized int profileCount() {
        return profiles.size();
    }

    /** Number of bulk import jobs created. */
    public synchronized int jobCount() {
        return jobs.size();
    }

    /** Makes every import job report {@code processing} for its first {@code polls} polls (1 unless set). */
    public synchronized void processingPolls(int polls) {
        this.processingPolls = polls;
    }

    /**
     * Makes import errors point at {@code /data}, the default of the spec's {@code ErrorSource.pointer}, instead of the
     * profile: the rows are then known only from {@code original_payload}.
     */
    public synchronized void importErrorPointersAtData() {
        this.pointersAtData = true;
    }

    /** Makes the next {@code times} reads of an import job's profiles at cursor {@code cursor} answer 503. */
    public synchronized void failJobProfilesPage(int cursor, int times) {
        this.failProfilesPageAt = cursor;
        this.failProfilesPageTimes = times;
    }

    /**
     * Makes the profile lookup ({@code GET /api/profiles}) that would be the {@code nth} answered (0 for the first)
     * answer 503 {@code times} times before it is answered.
     */
    public synchronized void failProfileLookup(long nth, int times) {
        this.failLookupAt = nth;
        this.failLookupTimes = times;
    }

    /**
     * Makes the profiles each import job creates or updates invisible to {@code GET /api/profiles} until the next job:
     * Klaviyo documents no delay before an imported profile can be found, nor promises there is none.
     */
    public synchronized void lookupsLagBehindImports() {
        this.lookupsLag = true;
    }

    /** Renames a list, as a marketer can in Klaviyo. */
    public synchronized void renameList(String listId, String name) {
        lists.replace(listId, name);
    }

    /** Deletes a list, as a marketer can in Klaviyo. */
    public synchronized void deleteList(String listId) {
        lists.remove(listId);
        listMembers.remove(listId);
    }

    /** Ids of the lists whose name is {@code name}. */
    public synchronized List<String> listIds(String name) {
        return lists.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
    }

    /**
     * Per-row transient faults are ignored: Klaviyo's import errors are refusals of the input, none transient
     * (https://developers.klaviyo.com/en/reference/get_errors_for_bulk_import_profiles_job).
     */
    @Override
    public synchronized SandboxResponse handle(SandboxRequest request, boolean partialFailure, BooleanSupplier failRow) {
        // Private keys go in "Authorization: Klaviyo-API-Key <key>"; a wrong key answers 401 not_authenticated:
        // https://developers.klaviyo.com/en/docs/authenticate_ and the spec's securitySchemes.Klaviyo-API-Key
        String auth = request.header("authorization").orElse("");
        if (!auth.startsWith("Klaviyo-API-Key ") || !keyAccepted.test(auth.substring("Klaviyo-API-Key ".length()))) {
            return error(401, "not_authenticated", "Incorrect authentication credentials.");
        }
        // Spec: "revision" is a required header of every operation, format YYYY-MM-DD[.suffix];
        // https://developers.klaviyo.com/en/docs/api_versioning_and_deprecation_policy
        String revision = request.header("revision").orElse("");
        if (revision.isEmpty()) return error(400, "invalid", "Missing revision header.");
        if (!REVISION.matcher(revision).matches()) return error(400, "invalid", "Invalid revision header.");
        try {
            return route(request.method(), request.path(), request.query(), request);
        } catch (IOException | RuntimeException e) {
            return error(400, "invalid", "Malformed request: " + e.getClass().getSimpleName());
        }
    }

    /**
     * 429 with {@code Retry-After} in seconds and a JSON:API error "throttled":
     * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling
     */
    @Override
    public SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("errors").addObject().put("id", "throttled-" + ids.incrementAndGet()).put("status", 429)
                .put("code", "throttled").put("title", "Request was throttled.")
                .put("detail", "Request was throttled. Expected available in " + seconds + " seconds.");
        return new SandboxResponse(429, Map.of("Content-Type", "application/vnd.api+json",
                "Retry-After", Long.toString(seconds)), answer.toString());
    }

    @Override
    public SandboxResponse serverError() {
        return error(503, "service_unavailable", "Service unavailable.");
    }

    private SandboxResponse route(String method, String path, Map<String, String> query, SandboxRequest request)
            throws IOException {
        String[] parts = path.split("/");
        if (path.equals("/api/lists") && method.equals("GET")) return getLists(query);
        if (path.equals("/api/lists") && method.equals("POST")) return createList(body(request));
        if (parts.length == 4 && path.startsWith("/api/lists/") && method.equals("GET")) return getList(parts[3]);
        if (parts.length == 4 && path.startsWith("/api/lists/") && method.equals("DELETE")) {
            if (lists.remove(parts[3]) == null) return error(404, "not_found", "List not found.");
            listMembers.remove(parts[3]);
            return SandboxResponse.empty(204);
        }
        if (path.equals("/api/profile-bulk-import-jobs") && method.equals("POST")) return createJob(request);
        if (parts.length == 4 && path.startsWith("/api/profile-bulk-import-jobs/") && method.equals("GET")) {
            return getJob(parts[3]);
        }
        if (parts.length == 5 && path.endsWith("/import-errors") && method.equals("GET")) {
            return jobErrors(parts[3], query);
        }
        if (parts.length == 5 && path.startsWith("/api/profile-bulk-import-jobs/") && path.endsWith("/profiles")
                && method.equals("GET")) {
            return jobProfiles(parts[3], query);
        }
        if (path.equals("/api/profiles") && method.equals("GET")) return getProfiles(query);
        if (parts.length == 6 && path.startsWith("/api/lists/") && path.endsWith("/relationships/profiles")) {
            return relationships(method, parts[3], body(request));
        }
        return error(404, "not_found", "Not found.");
    }

    /**
     * Spec: {@code GET /api/lists}; {@code filter} allows {@code name} with {@code any} and {@code equals} (the sandbox
     * implements {@code equals}, the one the destination sends); names compare exactly. Klaviyo pages lists 10 at a
     * time; every list the sandbox returns fits one page in the tests.
     */
    private SandboxResponse getLists(Map<String, String> query) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        String filter = query.get("filter");
        Matcher eq = filter == null ? null : EQUALS.matcher(filter);
        for (Map.Entry<String, String> list : lists.entrySet()) {
            if (eq != null && eq.matches() && !unescape(eq.group(2)).equals(list.getValue())) continue;
            data.add(listResource(list.getKey(), list.getValue()));
        }
        answer.putObject("links").put("self", ORIGIN + "/api/lists");
        return json(200, answer);
    }

    /** Spec: {@code POST /api/lists} (ListCreateQuery: {@code data.attributes.name} required), 201 with the list. */
    private SandboxResponse createList(JsonNode body) {
        String name = body.path("data").path("attributes").path("name").asText();
        if (name.isBlank()) return error(400, "invalid", "A list name is required.");
        String id = "L" + ids.incrementAndGet();
        lists.put(id, name);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", listResource(id, name));
        return json(201, answer);
    }

    /** Spec: ListRetrieveResponseObjectResource: type, id, attributes and {@code links.self} are required. */
    private static ObjectNode listResource(String id, String name) {
        ObjectNode list = JSON.createObjectNode().put("type", "list").put("id", id);
        list.putObject("attributes").put("name", name);
        list.putObject("links").put("self", ORIGIN + "/api/lists/" + id);
        return list;
    }

    /** Spec: {@code GET /api/lists/{id}} (200 GetListRetrieveResponseCompoundDocument; 4XX ClientError when absent). */
    private SandboxResponse getList(String listId) {
        String name = lists.get(listId);
        if (name == null) return error(404, "not_found", "List not found.");
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", listResource(listId, name));
        return json(200, answer);
    }

    /**
     * Spec: {@code POST /api/profile-bulk-import-jobs}: "Accepts up to 10,000 profiles per request. The maximum allowed
     * payload size is 5MB. The maximum allowed payload size per-profile is 100KB." The spec documents the limits, not
     * the answer to a request over them: the sandbox refuses the whole request, with 413 for the request size (HTTP's
     * status for it; the spec's 4XX ClientError body) and 400 naming the profile for the others.
     */
    private SandboxResponse createJob(SandboxRequest request) throws IOException {
        int bytes = request.body() == null ? 0 : request.body().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > KlaviyoLimits.IMPORT_REQUEST_BYTES) {
            return error(413, "request_too_large", "The request payload is larger than 5MB.");
        }
        JsonNode data = body(request).path("data");
        if (!data.path("type").asText().equals("profile-bulk-import-job")) {
            return error(400, "invalid", "data.type must be profile-bulk-import-job.");
        }
        JsonNode listData = data.path("relationships").path("lists").path("data");
        List<String> targetLists = new ArrayList<>();
        for (JsonNode l : listData) {
            if (!lists.containsKey(l.path("id").asText())) return error(404, "not_found", "List not found.");
            targetLists.add(l.path("id").asText());
        }
        JsonNode input = data.path("attributes").path("profiles").path("data");
        if (!input.isArray()) return error(400, "invalid", "data.attributes.profiles.data is required.");
        if (input.size() > KlaviyoLimits.IMPORT_PROFILES_PER_JOB) {
            return error(400, "invalid", "At most 10000 profiles per job.");
        }
        for (int i = 0; i < input.size(); i++) {
            if (JSON.writeValueAsBytes(input.get(i)).length > KlaviyoLimits.IMPORT_PROFILE_BYTES) {
                return error(400, "invalid", "A profile is larger than 100KB.", "/data/attributes/profiles/data/" + i);
            }
        }
        List<ObjectNode> errors = new ArrayList<>();
        Set<String> imported = new java.util.LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode profile = input.get(i);
            JsonNode attributes = profile.path("attributes");
            String email = attributes.path("email").asText(null);
            String phone = attributes.path("phone_number").asText(null);
            // A profile needs an identifier: https://developers.klaviyo.com/en/docs/use_klaviyos_bulk_profile_import_api
            // (the spec's ProfileUpsertQueryResourceObject marks no attribute required). Phone numbers are E.164
            // (spec: "Individual's phone number in E.164 format").
            String problem = email != null && !EMAIL.matcher(email).matches() ? "Invalid email address"
                    : phone != null && !phone.matches("^\\+[1-9]\\d{6,14}$") ? "Invalid phone number"
                    : email == null && phone == null && attributes.path("external_id").asText(null) == null
                    ? "An email, phone_number or external_id is required" : null;
            if (problem != null) {
                errors.add(importError(i, profile, problem));
                continue;
            }
            String id = upsert((ObjectNode) attributes);
            imported.add(id);
            targetLists.forEach(l -> listMembers.computeIfAbsent(l, x -> new HashSet<>()).add(id));
        }
        notYetSearchable.clear();
        if (lookupsLag) notYetSearchable.addAll(imported);
        String jobId = "J" + ids.incrementAndGet();
        jobs.put(jobId, new Job(input.size(), errors, List.copyOf(imported), new int[]{0}, Instant.now().toString()));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", jobResource(jobId, "queued"));
        return json(202, answer);
    }

    /**
     * Spec: {@code components.schemas.ImportErrorResponseObjectResource}: code, title, detail, source (pointer) and
     * {@code original_payload}, an object the spec gives no schema; the sandbox echoes the profile resource as sent.
     */
    private ObjectNode importError(int position, JsonNode profile, String detail) {
        ObjectNode e = JSON.createObjectNode().put("type", "import-error").put("id", "E" + ids.incrementAndGet());
        ObjectNode attributes = e.putObject("attributes").put("code", "invalid").put("title", "Invalid input.")
                .put("detail", detail);
        attributes.putObject("source").put("pointer", pointersAtData ? "/data"
                : "/data/attributes/profiles/data/" + position + "/attributes");
        attributes.set("original_payload", profile.deepCopy());
        return e;
    }

    /** Matches an existing profile by email, else phone number, else external id, as an upsert does. */
    private String upsert(ObjectNode attributes) {
        String email = attributes.path("email").asText(null);
        String phone = attributes.path("phone_number").asText(null);
        String externalId = attributes.path("external_id").asText(null);
        String id = email != null ? profileByEmail.get(email.toLowerCase(Locale.ROOT)) : null;
        if (id == null && phone != null) id = profileByPhone.get(phone);
        if (id == null && externalId != null) id = profileByExternalId.get(externalId);
        if (id == null) {
            id = "P" + ids.incrementAndGet();
            // Spec: ProfileResponseObjectResource requires type, attributes and links.self.
            ObjectNode created = JSON.createObjectNode().put("type", "profile").put("id", id);
            created.putObject("links").put("self", ORIGIN + "/api/profiles/" + id);
            profiles.put(id, created);
        }
        ObjectNode profile = profiles.get(id);
        ObjectNode stored = profile.has("attributes") ? (ObjectNode) profile.get("attributes") : profile.putObject("attributes");
        stored.setAll(attributes);
        if (email != null) profileByEmail.put(email.toLowerCase(Locale.ROOT), id);
        if (externalId != null) profileByExternalId.put(externalId, id);
        if (phone != null) profileByPhone.put(phone, id);
        return id;
    }

    private ObjectNode jobResource(String jobId, String status) {
        Job job = jobs.get(jobId);
        ObjectNode resource = JSON.createObjectNode().put("type", "profile-bulk-import-job").put("id", jobId);
        ObjectNode attributes = resource.putObject("attributes").put("status", status)
                .put("total_count", job.total()).put("created_at", job.createdAt());
        resource.putObject("links").put("self", ORIGIN + "/api/profile-bulk-import-jobs/" + jobId);
        if (status.equals("complete")) {
            attributes.put("completed_count", job.total() - job.errors().size())
                    .put("failed_count", job.errors().size());
        }
        return resource;
    }

    /**
     * Spec: {@code GET /api/profile-bulk-import-jobs/{job_id}}; {@code status} moves from queued/processing to complete
     * (or cancelled), with {@code completed_count} and {@code failed_count}. How long a job takes is undocumented: the
     * sandbox reports processing for the first {@link #processingPolls} polls.
     */
    private SandboxResponse getJob(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) return error(404, "not_found", "Job not found.");
        String status = job.polls()[0]++ < processingPolls ? "processing" : "complete";
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", jobResource(jobId, status));
        return json(200, answer);
    }

    /** Spec: {@code GET /api/profile-bulk-import-jobs/{id}/import-errors}, cursor pages of up to 100. */
    private SandboxResponse jobErrors(String jobId, Map<String, String> query) {
        Job job = jobs.get(jobId);
        if (job == null) return error(404, "not_found", "Job not found.");
        return page("/api/profile-bulk-import-jobs/" + jobId + "/import-errors", query, job.errors().size(),
                (data, i) -> data.add(job.errors().get(i)));
    }

    /**
     * Spec: {@code GET /api/profile-bulk-import-jobs/{id}/profiles} (GetProfileResponseCollection), cursor pages of up
     * to 100: the profiles the job created or updated.
     */
    private SandboxResponse jobProfiles(String jobId, Map<String, String> query) {
        Job job = jobs.get(jobId);
        if (job == null) return error(404, "not_found", "Job not found.");
        if (failProfilesPageTimes > 0
                && query.getOrDefault("page[cursor]", "0").equals(String.valueOf(failProfilesPageAt))) {
            failProfilesPageTimes--;
            return serverError();
        }
        return page("/api/profile-bulk-import-jobs/" + jobId + "/profiles", query, job.profileIds().size(),
                (data, i) -> data.add(profiles.get(job.profileIds().get(i))));
    }

    /**
     * A page of a collection. Spec: {@code page[size]} "Min: 1. Max: 100", {@code page[cursor]} opaque; the next
     * page's absolute URL in {@code links.next} (https://developers.klaviyo.com/en/v2026-07-15/reference/api-overview#pagination).
     */
    private SandboxResponse page(String path, Map<String, String> query, int total,
                                 java.util.function.ObjIntConsumer<ArrayNode> item) {
        int size;
        int from;
        try {
            size = Integer.parseInt(query.getOrDefault("page[size]", "20"));
            from = Integer.parseInt(query.getOrDefault("page[cursor]", "0"));
        } catch (NumberFormatException e) {
            return error(400, "invalid", "Invalid page parameter.");
        }
        if (size < 1 || size > PAGE) return error(400, "invalid", "page[size] must be between 1 and 100.");
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = from; i < Math.min(total, from + size); i++) item.accept(data, i);
        // Spec: CollectionLinks requires self; next is a string, absent on the last page.
        ObjectNode links = answer.putObject("links").put("self", ORIGIN + path);
        if (from + size < total) {
            links.put("next", ORIGIN + path + "?page%5Bcursor%5D=" + (from + size) + "&page%5Bsize%5D=" + size);
        }
        return json(200, answer);
    }

    /**
     * Spec: {@code GET /api/profiles}; {@code filter} allows {@code any} and {@code equals} on {@code email},
     * {@code phone_number} and {@code external_id} (the only fields the sandbox filters on; others answer 400).
     * The 100-value ceiling of {@code any} is the sandbox's; Klaviyo's filtering guide states no number:
     * https://developers.klaviyo.com/en/docs/filtering_
     */
    private SandboxResponse getProfiles(Map<String, String> query) {
        String filter = query.getOrDefault("filter", "");
        Matcher any = ANY.matcher(filter);
        Matcher eq = EQUALS.matcher(filter);
        String field;
        List<String> values = new ArrayList<>();
        if (any.matches()) {
            field = any.group(1);
            Matcher q = QUOTED.matcher(any.group(2));
            while (q.find()) values.add(unescape(q.group(1)));
        } else if (eq.matches()) {
            field = eq.group(1);
            values.add(unescape(eq.group(2)));
        } else {
            return error(400, "invalid", "Unsupported filter.");
        }
        if (values.size() > 100) return error(400, "invalid", "Too many values in filter.");
        if (failLookupTimes > 0 && lookupsAnswered == failLookupAt) {
            failLookupTimes--;
            return serverError();
        }
        lookupsAnswered++;
        Set<String> sparse = query.containsKey("fields[profile]")
                ? Set.of(query.get("fields[profile]").split(",")) : null;
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (String v : values) {
            String id = switch (field) {
                case "email" -> profileByEmail.get(v.toLowerCase(Locale.ROOT));
                case "phone_number" -> profileByPhone.get(v);
                case "external_id" -> profileByExternalId.get(v);
                default -> null;
            };
            if (id != null && !notYetSearchable.contains(id)) data.add(sparse == null ? profiles.get(id) : sparseProfile(profiles.get(id), sparse));
        }
        answer.putObject("links").put("self", ORIGIN + "/api/profiles");
        return json(200, answer);
    }

    /**
     * A profile with only the attributes {@code fields[profile]} names (JSON:API sparse fieldsets:
     * https://developers.klaviyo.com/en/v2026-07-15/reference/api-overview#sparse-fieldsets).
     */
    private static ObjectNode sparseProfile(ObjectNode profile, Set<String> fields) {
        ObjectNode copy = profile.deepCopy();
        ObjectNode attributes = (ObjectNode) copy.path("attributes");
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        names.stream().filter(n -> !fields.contains(n)).forEach(attributes::remove);
        return copy;
    }

    /**
     * Spec: {@code POST|DELETE /api/lists/{id}/relationships/profiles} (ListMembersAddQuery / ListMembersDeleteQuery:
     * {@code data} of {@code {type: profile, id}}), "a maximum of 1000 profiles per call"; 204 on success.
     */
    private SandboxResponse relationships(String method, String listId, JsonNode body) {
        if (!lists.containsKey(listId)) return error(404, "not_found", "List not found.");
        JsonNode data = body.path("data");
        if (!data.isArray()) return error(400, "invalid", "data is required.");
        if (data.size() > KlaviyoLimits.RELATIONSHIP_PROFILES_PER_CALL) {
            return error(400, "invalid", "At most 1000 profiles per request.");
        }
        Set<String> members = listMembers.computeIfAbsent(listId, x -> new HashSet<>());
        for (JsonNode p : data) {
            String id = p.path("id").asText();
            if (method.equals("DELETE")) members.remove(id);
            else if (method.equals("POST") && profiles.containsKey(id)) members.add(id);
        }
        return SandboxResponse.empty(204);
    }

    private JsonNode body(SandboxRequest request) throws IOException {
        String text = request.body();
        return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/vnd.api+json"), body.toString());
    }

    /**
     * Spec: {@code components.responses.ClientError}: {@code errors[]} with id, code, title, detail (and source). Like
     * Klaviyo's answers (https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling) each error also
     * carries its {@code status}, which the schema does not list and does not forbid.
     */
    private SandboxResponse error(int status, String code, String title) {
        return error(status, code, title, null);
    }

    private SandboxResponse error(int status, String code, String title, String pointer) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode e = answer.putArray("errors").addObject().put("id", "err-" + ids.incrementAndGet())
                .put("status", status).put("code", code).put("title", title).put("detail", title);
        if (pointer != null) e.putObject("source").put("pointer", pointer);
        return json(status, answer);
    }
}
