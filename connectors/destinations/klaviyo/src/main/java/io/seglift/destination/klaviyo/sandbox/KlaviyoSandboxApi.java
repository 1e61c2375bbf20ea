package io.seglift.destination.klaviyo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;

import java.io.IOException;
import java.time.Duration;
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
 * The parts of Klaviyo's API the destination uses, in memory, with Klaviyo's JSON:API shapes: lists (filter by name),
 * profile bulk import jobs (reported {@code processing} on the first poll and {@code complete} after, with import
 * errors for malformed emails or injected partial failures), import errors, profile lookup by email or external id, and
 * list relationships. Requests need {@code Authorization: Klaviyo-API-Key <key>} and a {@code revision} header.
 */
public final class KlaviyoSandboxApi implements SandboxApi {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    private final Map<String, Job> jobs = new HashMap<>();
    /** The fault injection's partial-failure draw for the request being handled (requests are handled one at a time). */

    private record Job(int total, List<ObjectNode> errors, int[] polls) {
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

    /**
     * Per-row transient faults are ignored: Klaviyo's import errors are refusals of the input, none transient
     * (https://developers.klaviyo.com/en/reference/get_errors_for_bulk_import_profiles_job).
     */
    @Override
    public synchronized SandboxResponse handle(SandboxRequest request, boolean partialFailure, BooleanSupplier failRow) {
        String auth = request.header("authorization").orElse("");
        if (!auth.startsWith("Klaviyo-API-Key ") || !keyAccepted.test(auth.substring("Klaviyo-API-Key ".length()))) {
            return error(401, "not_authenticated", "Incorrect authentication credentials.");
        }
        if (request.header("revision").isEmpty()) return error(400, "invalid", "Missing revision header.");
        try {
            return route(request.method(), request.path(), request.query(), request);
        } catch (IOException | RuntimeException e) {
            return error(400, "invalid", "Malformed request: " + e.getClass().getSimpleName());
        }
    }

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
        if (path.equals("/api/profile-bulk-import-jobs") && method.equals("POST")) return createJob(body(request));
        if (parts.length == 4 && path.startsWith("/api/profile-bulk-import-jobs/") && method.equals("GET")) {
            return getJob(parts[3]);
        }
        if (parts.length == 5 && path.endsWith("/import-errors") && method.equals("GET")) return jobErrors(parts[3]);
        if (path.equals("/api/profiles") && method.equals("GET")) return getProfiles(query);
        if (parts.length == 6 && path.startsWith("/api/lists/") && path.endsWith("/relationships/profiles")) {
            return relationships(method, parts[3], body(request));
        }
        return error(404, "not_found", "Not found.");
    }

    private SandboxResponse getLists(Map<String, String> query) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        String filter = query.get("filter");
        Matcher eq = filter == null ? null : EQUALS.matcher(filter);
        for (Map.Entry<String, String> list : lists.entrySet()) {
            if (eq != null && eq.matches() && !unescape(eq.group(2)).equals(list.getValue())) continue;
            data.addObject().put("type", "list").put("id", list.getKey()).putObject("attributes")
                    .put("name", list.getValue());
        }
        answer.putObject("links").putNull("next");
        return json(200, answer);
    }

    private SandboxResponse createList(JsonNode body) {
        String name = body.path("data").path("attributes").path("name").asText();
        if (name.isBlank()) return error(400, "invalid", "A list name is required.");
        String id = "L" + ids.incrementAndGet();
        lists.put(id, name);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("data").put("type", "list").put("id", id).putObject("attributes").put("name", name);
        return json(201, answer);
    }

    private SandboxResponse createJob(JsonNode body) {
        JsonNode data = body.path("data");
        JsonNode listData = data.path("relationships").path("lists").path("data");
        List<String> targetLists = new ArrayList<>();
        for (JsonNode l : listData) {
            if (!lists.containsKey(l.path("id").asText())) return error(404, "not_found", "List not found.");
            targetLists.add(l.path("id").asText());
        }
        JsonNode input = data.path("attributes").path("profiles").path("data");
        if (input.size() > 10_000) return error(400, "invalid", "At most 10000 profiles per job.");
        List<ObjectNode> errors = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode attributes = input.get(i).path("attributes");
            String email = attributes.path("email").asText(null);
            boolean malformed = email != null && !EMAIL.matcher(email).matches();
            if (malformed) {
                ObjectNode e = JSON.createObjectNode().put("type", "import-error").put("id", "E" + ids.incrementAndGet());
                e.putObject("attributes").put("code", "invalid").put("title", "Invalid input.")
                        .put("detail", "Invalid email address")
                        .putObject("source")
                        .put("pointer", "/data/attributes/profiles/data/" + i + "/attributes/email");
                errors.add(e);
                continue;
            }
            String id = upsert((ObjectNode) attributes);
            targetLists.forEach(l -> listMembers.computeIfAbsent(l, x -> new HashSet<>()).add(id));
        }
        String jobId = "J" + ids.incrementAndGet();
        jobs.put(jobId, new Job(input.size(), errors, new int[]{0}));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", jobResource(jobId, "queued"));
        return json(202, answer);
    }

    private String upsert(ObjectNode attributes) {
        String email = attributes.path("email").asText(null);
        String externalId = attributes.path("external_id").asText(null);
        String id = email != null ? profileByEmail.get(email.toLowerCase(Locale.ROOT))
                : externalId != null ? profileByExternalId.get(externalId) : null;
        if (id == null) {
            id = "P" + ids.incrementAndGet();
            profiles.put(id, JSON.createObjectNode().put("type", "profile").put("id", id));
        }
        ObjectNode profile = profiles.get(id);
        ObjectNode stored = profile.has("attributes") ? (ObjectNode) profile.get("attributes") : profile.putObject("attributes");
        stored.setAll(attributes);
        if (email != null) profileByEmail.put(email.toLowerCase(Locale.ROOT), id);
        if (externalId != null) profileByExternalId.put(externalId, id);
        return id;
    }

    private ObjectNode jobResource(String jobId, String status) {
        Job job = jobs.get(jobId);
        ObjectNode resource = JSON.createObjectNode().put("type", "profile-bulk-import-job").put("id", jobId);
        ObjectNode attributes = resource.putObject("attributes").put("status", status)
                .put("total_count", job.total());
        if (status.equals("complete")) {
            attributes.put("completed_count", job.total() - job.errors().size())
                    .put("failed_count", job.errors().size());
        }
        return resource;
    }

    private SandboxResponse getJob(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) return error(404, "not_found", "Job not found.");
        String status = job.polls()[0]++ == 0 ? "processing" : "complete";
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", jobResource(jobId, status));
        return json(200, answer);
    }

    private SandboxResponse jobErrors(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) return error(404, "not_found", "Job not found.");
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        job.errors().forEach(data::add);
        answer.putObject("links").putNull("next");
        return json(200, answer);
    }

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
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (String v : values) {
            String id = field.equals("email") ? profileByEmail.get(v.toLowerCase(Locale.ROOT))
                    : field.equals("external_id") ? profileByExternalId.get(v) : null;
            if (id != null) data.add(profiles.get(id));
        }
        answer.putObject("links").putNull("next");
        return json(200, answer);
    }

    private SandboxResponse relationships(String method, String listId, JsonNode body) {
        if (!lists.containsKey(listId)) return error(404, "not_found", "List not found.");
        JsonNode data = body.path("data");
        if (data.size() > 1000) return error(400, "invalid", "At most 1000 profiles per request.");
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

    private SandboxResponse error(int status, String code, String title) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("errors").addObject().put("id", "err-" + ids.incrementAndGet()).put("status", status)
                .put("code", code).put("title", title).put("detail", title);
        return json(status, answer);
    }
}
