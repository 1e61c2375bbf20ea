package io.seglift.destination.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-memory HubSpot for contacts batch upsert and batch read by email, lists v3 (create, find by name, memberships add/remove) and contact
 * properties. Emails are matched case-insensitively, as HubSpot does. Invalid emails fail their row with a
 * {@code VALIDATION_ERROR} in a 207 multi-status answer; injected partial failures fail rows "for now" with a
 * non-validation category ({@code OBJECT_WRITE_FAILED}), which the connector reports as retry (batch endpoints answer
 * 207 Multi-Status with per-input errors: https://developers.hubspot.com/docs/api/crm/contacts). Once {@code dailyLimit} requests have been served, every request is answered 429 with policy
 * {@code DAILY}.
 */
public final class HubSpotSandboxApi implements SandboxApi {
    private static final ObjectMapper JSON = SandboxResponse.mapper();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LIST_BY_NAME = Pattern.compile("/crm/v3/lists/object-type-id/0-1/name/(.+)");
    private static final Pattern MEMBERSHIPS = Pattern.compile("/crm/v3/lists/([0-9]+)/memberships/(add|remove)");
    private static final Pattern PROPERTY = Pattern.compile("/crm/v3/properties/contacts/([A-Za-z0-9_]+)");

    private final long dailyLimit;
    private final Predicate<String> tokenAccepted;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1001);
    private final Map<String, Contact> contactsByEmail = new HashMap<>();
    private final Map<String, Contact> contactsById = new HashMap<>();
    private final Map<String, ListRecord> listsByName = new HashMap<>();
    private final Map<String, ListRecord> listsById = new HashMap<>();
    private final Set<String> properties = new LinkedHashSet<>(List.of("email", "firstname", "lastname", "phone"));
    private final Map<String, Integer> upsertsByEmail = new HashMap<>();
    private volatile boolean wholeBatchValidation;

    /** A contact: id, email (lower case) and properties. */
    public record Contact(String id, String email, Map<String, String> properties) {
    }

    private record ListRecord(String id, String name, Set<String> members) {
    }

    /** A sandbox without a daily limit that accepts any bearer token. */
    public HubSpotSandboxApi() {
        this(Long.MAX_VALUE);
    }

    /** A sandbox with a daily request budget that accepts any bearer token. */
    public HubSpotSandboxApi(long dailyLimit) {
        this(dailyLimit, token -> true);
    }

    /** A sandbox without a daily limit that accepts only the tokens {@code tokenAccepted} says yes to. */
    public HubSpotSandboxApi(Predicate<String> tokenAccepted) {
        this(Long.MAX_VALUE, tokenAccepted);
    }

    public HubSpotSandboxApi(long dailyLimit, Predicate<String> tokenAccepted) {
        this.dailyLimit = dailyLimit;
        this.tokenAccepted = tokenAccepted;
    }

    /**
     * When true, a batch upsert with any invalid email fails as a whole with 400 (as HubSpot's batch create does)
     * instead of a 207 with per-row errors; the connector must then isolate the invalid rows itself.
     */
    public void wholeBatchValidation(boolean on) {
        this.wholeBatchValidation = on;
    }

    @Override
    public SandboxResponse handle(SandboxRequest req, boolean partialFailure, BooleanSupplier failRow) {
        if (!req.header("authorization").filter(a -> a.startsWith("Bearer ") && a.length() > 7).isPresent()) {
            return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
        }
        if (!tokenAccepted.test(req.header("authorization").get().substring(7))) {
            return error(401, "INVALID_AUTHENTICATION", "The OAuth token used to make this call is not valid.");
        }
        if (served.incrementAndGet() > dailyLimit) {
            return SandboxResponse.json(429, rateLimitBody("DAILY", "You have reached your daily limit."))
                    .withHeader("X-HubSpot-RateLimit-Daily", String.valueOf(dailyLimit))
                    .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0");
        }
        try {
            return route(req, partialFailure, failRow);
        } catch (Exception e) {
            return error(400, "VALIDATION_ERROR", "Invalid input JSON: " + e.getClass().getSimpleName());
        }
    }

    private SandboxResponse route(SandboxRequest req, boolean partialFailure, BooleanSupplier failRow) throws Exception {
        String m = req.method();
        String p = req.path();
        if (m.equals("POST") && p.equals("/crm/v3/objects/contacts/batch/upsert")) return upsert(req, partialFailure, failRow);
        if (m.equals("POST") && p.equals("/crm/v3/objects/contacts/batch/read")) return read(JSON.readTree(req.body()));
        if (m.equals("GET") && p.equals("/crm/v3/objects/contacts")) return SandboxResponse.json(200, Map.of("results", List.of()));
        if (m.equals("POST") && p.equals("/crm/v3/lists")) return createList(JSON.readTree(req.body()));
        Matcher byName = LIST_BY_NAME.matcher(p);
        if (m.equals("GET") && byName.matches()) return findList(URLDecoder.decode(byName.group(1), StandardCharsets.UTF_8));
        Matcher mem = MEMBERSHIPS.matcher(p);
        if (m.equals("PUT") && mem.matches()) return memberships(mem.group(1), mem.group(2), JSON.readTree(req.body()));
        Matcher prop = PROPERTY.matcher(p);
        if (m.equals("GET") && prop.matches()) return getProperty(prop.group(1));
        if (m.equals("POST") && p.equals("/crm/v3/properties/contacts")) return createProperty(JSON.readTree(req.body()));
        return error(404, "OBJECT_NOT_FOUND", "No route for " + m + " " + p + " in the HubSpot sandbox");
    }

    private synchronized SandboxResponse upsert(SandboxRequest req, boolean partialFailure, BooleanSupplier failRow) throws Exception {
        JsonNode inputs = JSON.readTree(req.body()).path("inputs");
        if (inputs.size() > 100) return error(400, "VALIDATION_ERROR", "Batch input limit is 100, got " + inputs.size());
        if (wholeBatchValidation) {
            for (JsonNode in : inputs) {
                String email = in.path("id").asText("").trim();
                if (!EMAIL.matcher(email.toLowerCase(java.util.Locale.ROOT)).matches()) {
                    return error(400, "VALIDATION_ERROR", "Property values were not valid: " + email + " is not a valid email");
                }
            }
        }
        List<Object> results = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        String now = Instant.now().toString();
        for (JsonNode in : inputs) {
            String trace = in.path("objectWriteTraceId").asText(null);
            if (!"email".equals(in.path("idProperty").asText())) {
                errors.add(rowError("VALIDATION_ERROR", "idProperty must be a unique property such as email", trace));
                continue;
            }
            String email = in.path("id").asText("").trim().toLowerCase(java.util.Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                errors.add(rowError("VALIDATION_ERROR", "Property values were not valid: email " + email + " is invalid", trace));
                continue;
            }
            if (partialFailure && failRow.getAsBoolean()) {
                errors.add(rowError("OBJECT_WRITE_FAILED", "The record could not be written right now; try again", trace));
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            in.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
            Optional<String> unknown = props.keySet().stream().filter(k -> !properties.contains(k)).findFirst();
            if (unknown.isPresent()) {
                errors.add(rowError("VALIDATION_ERROR", "Property \"" + unknown.get() + "\" does not exist", trace));
                continue;
            }
            upsertsByEmail.merge(email, 1, Integer::sum);
            Contact existing = contactsByEmail.get(email);
            boolean isNew = existing == null;
            Contact c = isNew ? new Contact(String.valueOf(nextId.getAndIncrement()), email, new LinkedHashMap<>()) : existing;
            c.properties().putAll(props);
            c.properties().put("email", email);
            contactsByEmail.put(email, c);
            contactsById.put(c.id(), c);
            Map<String, String> shown = new LinkedHashMap<>(c.properties());
            shown.put("hs_object_id", c.id());
            Map<String, Object> r = record(c.id(), shown, now);
            r.put("new", isNew);
            results.add(r);
        }
        return batchAnswer(results, errors, now);
    }

    private synchronized SandboxResponse read(JsonNode body) {
        JsonNode inputs = body.path("inputs");
        if (inputs.size() > 100) return error(400, "VALIDATION_ERROR", "Batch input limit is 100, got " + inputs.size());
        if (!"email".equals(body.path("idProperty").asText("email"))) {
            return error(400, "VALIDATION_ERROR", "the sandbox reads contacts by email only");
        }
        List<Object> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String now = Instant.now().toString();
        for (JsonNode in : inputs) {
            String email = in.path("id").asText("").trim().toLowerCase(java.util.Locale.ROOT);
            Contact c = contactsByEmail.get(email);
            if (c == null) {
                missing.add(email);
                continue;
            }
            results.add(record(c.id(), Map.of("email", c.email(), "hs_object_id", c.id()), now));
        }
        List<Object> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", "error");
            e.put("category", "OBJECT_NOT_FOUND");
            e.put("message", "Could not get some CONTACT objects, they may be deleted or not exist.");
            e.put("context", Map.of("ids", missing));
            errors.add(e);
        }
        return batchAnswer(results, errors, now);
    }

    private static Map<String, Object> record(String id, Map<String, String> properties, String now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("properties", properties);
        r.put("createdAt", now);
        r.put("updatedAt", now);
        r.put("archived", false);
        return r;
    }

    /** A batch endpoint's answer: 200 when every input succeeded, else 207 multi-status with the errors. */
    private static SandboxResponse batchAnswer(List<Object> results, List<Object> errors, String now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", results);
        if (!errors.isEmpty()) {
            body.put("numErrors", errors.size());
            body.put("errors", errors);
        }
        body.put("startedAt", now);
        body.put("completedAt", now);
        return SandboxResponse.json(errors.isEmpty() ? 200 : 207, body);
    }

    private synchronized SandboxResponse createList(JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isBlank()) return error(400, "VALIDATION_ERROR", "name is required");
        if (!"0-1".equals(body.path("objectTypeId").asText())) return error(400, "VALIDATION_ERROR", "objectTypeId must be 0-1 here");
        if (!"MANUAL".equals(body.path("processingType").asText()) && !"SNAPSHOT".equals(body.path("processingType").asText())) {
            return error(400, "VALIDATION_ERROR", "the sandbox supports MANUAL and SNAPSHOT lists only");
        }
        if (listsByName.containsKey(name)) return error(400, "VALIDATION_ERROR", "A list with this name already exists");
        ListRecord l = new ListRecord(String.valueOf(nextId.getAndIncrement()), name, new LinkedHashSet<>());
        listsByName.put(name, l);
        listsById.put(l.id(), l);
        return SandboxResponse.json(200, Map.of("list", listJson(l)));
    }

    private synchronized SandboxResponse findList(String name) {
        ListRecord l = listsByName.get(name);
        return l == null ? error(404, "OBJECT_NOT_FOUND", "List does not exist with name")
                : SandboxResponse.json(200, Map.of("list", listJson(l)));
    }

    private synchronized SandboxResponse memberships(String listId, String action, JsonNode ids) {
        ListRecord l = listsById.get(listId);
        if (l == null) return error(404, "OBJECT_NOT_FOUND", "List " + listId + " does not exist");
        if (!ids.isArray()) return error(400, "VALIDATION_ERROR", "body must be an array of record ids");
        List<String> changed = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode n : ids) {
            String id = n.asText();
            if (action.equals("add")) {
                if (!contactsById.containsKey(id)) missing.add(id);
                else if (l.members().add(id)) changed.add(id);
                else already.add(id);
            } else if (l.members().remove(id)) {
                changed.add(id);
            } else {
                missing.add(id);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.equals("add")) {
            body.put("recordIdsAdded", changed);
            body.put("recordIdsAlreadyMember", already);
        } else {
            body.put("recordIdsRemoved", changed);
        }
        body.put("recordIdsMissing", missing);
        return SandboxResponse.json(200, body);
    }

    private synchronized SandboxResponse getProperty(String name) {
        return properties.contains(name)
                ? SandboxResponse.json(200, Map.of("name", name, "type", "string", "fieldType", "text", "groupName", "contactinformation"))
                : error(404, "OBJECT_NOT_FOUND", "Unable to find property " + name);
    }

    private synchronized SandboxResponse createProperty(JsonNode body) {
        String name = body.path("name").asText("");
        if (!name.matches("[a-z][a-z0-9_]*")) return error(400, "VALIDATION_ERROR", "invalid property name");
        if (!properties.add(name)) return error(409, "CONFLICT", "Property already exists");
        return SandboxResponse.json(201, Map.of("name", name, "label", body.path("label").asText(name), "type", "string",
                "fieldType", "text", "groupName", body.path("groupName").asText("contactinformation")));
    }

    @Override
    public SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
        SandboxResponse r = SandboxResponse.json(429, rateLimitBody("TEN_SECONDLY_ROLLING",
                "You have reached your ten_secondly_rolling limit."))
                .withHeader("X-HubSpot-RateLimit-Remaining", String.valueOf(remaining));
        // like HubSpot, sub-second waits are signalled by the window headers only; longer ones also by Retry-After
        if (retryAfter.toMillis() >= 1000) {
            r = r.withHeader("Retry-After", String.valueOf((retryAfter.toMillis() + 999) / 1000));
        }
        RollingWindowLimit shown = limit != null ? limit : new RollingWindowLimit(100, Duration.ofSeconds(10));
        r = r.withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(shown.window().toMillis()))
                .withHeader("X-HubSpot-RateLimit-Max", String.valueOf(shown.requests()));
        return r;
    }

    @Override
    public SandboxResponse serverError() {
        return error(502, "INTERNAL_ERROR", "Bad gateway (sandbox fault)");
    }

    // ---- inspection, for tests and the demo ----

    /** Emails (lower case) of the members of the list named {@code name}, in id order; empty when absent. */
    public synchronized List<String> listMemberEmails(String name) {
        ListRecord l = listsByName.get(name);
        if (l == null) return List.of();
        return l.members().stream().sorted().map(id -> contactsById.get(id).email()).toList();
    }

    /** Emails (lower case) of the members of the list with id {@code listId}, in id order; empty when absent. */
    public synchronized List<String> memberEmailsOfList(String listId) {
        ListRecord l = listsById.get(listId);
        if (l == null) return List.of();
        return l.members().stream().sorted().map(id -> contactsById.get(id).email()).toList();
    }

    /** Number of members of the list named {@code name}. */
    public synchronized int listSize(String name) {
        ListRecord l = listsByName.get(name);
        return l == null ? 0 : l.members().size();
    }

    /** The list id by name. */
    public synchronized Optional<String> listId(String name) {
        return Optional.ofNullable(listsByName.get(name)).map(ListRecord::id);
    }

    /** The contact with this email, if any. */
    public synchronized Optional<Contact> contact(String email) {
        return Optional.ofNullable(contactsByEmail.get(email.toLowerCase(java.util.Locale.ROOT)));
    }

    /** How many times each email was written by a batch upsert (re-sends show up as counts above one). */
    public synchronized Map<String, Integer> upsertsByEmail() {
        return Map.copyOf(upsertsByEmail);
    }

    public synchronized int contactCount() {
        return contactsByEmail.size();
    }

    /** Adds a member to a list directly, as a marketer would in the HubSpot UI (tests: holdout present from before). */
    public synchronized void addDirectly(String listName, String email) {
        Contact c = contactsByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
        ListRecord l = listsByName.get(listName);
        if (c == null || l == null) throw new IllegalArgumentException("no such contact or list");
        l.members().add(c.id());
    }

    private static Map<String, Object> listJson(ListRecord l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listId", l.id());
        m.put("name", l.name());
        m.put("objectTypeId", "0-1");
        m.put("processingType", "MANUAL");
        m.put("listVersion", 1);
        m.put("size", l.members().size());
        return m;
    }

    private static Map<String, Object> rowError(String category, String message, String trace) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", "error");
        e.put("category", category);
        e.put("message", message);
        e.put("context", trace == null ? Map.of() : Map.of("objectWriteTraceId", List.of(trace)));
        return e;
    }

    private static Map<String, Object> rateLimitBody(String policy, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", "error");
        b.put("message", message);
        b.put("errorType", "RATE_LIMIT");
        b.put("correlationId", UUID.randomUUID().toString());
        b.put("policyName", policy);
        return b;
    }

    private static SandboxResponse error(int status, String category, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", "error");
        b.put("message", message);
        b.put("correlationId", UUID.randomUUID().toString());
        b.put("category", category);
        return SandboxResponse.json(status, b);
    }
}
