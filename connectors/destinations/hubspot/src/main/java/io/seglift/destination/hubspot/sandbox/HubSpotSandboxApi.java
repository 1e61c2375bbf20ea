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
 * In-memory HubSpot for contacts (batch upsert, batch read by email or record id, merge), lists (create, get by id, find
 * by name, memberships add/remove) and contact properties and property groups, at every API version Seglift knows:
 * {@code /crm/v3/...} and the date-versioned {@code /crm/objects/<v>/...}, {@code /crm/lists/<v>/...},
 * {@code /crm/properties/<v>/...}; other versions answer 404. Behaviour follows HubSpot's public spec collection
 * (github.com/HubSpot/HubSpot-public-api-spec-collection; read, not copied: it is not licensed for redistribution):
 * <ul>
 *   <li>Contacts: {@code PublicApiSpecs/CRM/Contacts/Rollouts/424/2026-09/contacts.json} (batch upsert input requires
 *       {@code id} and {@code properties}; results carry {@code objectWriteTraceId}; merge takes
 *       {@code primaryObjectId} and {@code objectIdToMerge}).</li>
 *   <li>Lists: {@code PublicApiSpecs/CRM/Lists/Rollouts/144891/2026-09/lists.json} (ListCreateRequest requires
 *       {@code name}, {@code objectTypeId}, {@code processingType}; MembershipsUpdateResponse has
 *       {@code recordsIdsAdded}, {@code recordIdsRemoved}, {@code recordIdsMissing}).</li>
 *   <li>Properties: {@code PublicApiSpecs/CRM/Properties/Rollouts/145899/2026-09/properties.json} (PropertyCreate
 *       requires {@code name}, {@code label}, {@code type}, {@code fieldType}, {@code groupName}; PropertyGroupCreate
 *       requires {@code name}, {@code label}).</li>
 * </ul>
 * Emails and list names are matched case-insensitively, as HubSpot does. Invalid emails fail their row with a
 * {@code VALIDATION_ERROR} in a 207 multi-status answer (the spec lists only 200 and an error default for batch
 * endpoints and says nothing of partial failure; the 207 with {@code errors[].context.objectWriteTraceId} is what
 * HubSpot answers in practice and is kept as the sandbox always served it); injected
 * partial failures fail rows "for now" with a non-validation category ({@code OBJECT_WRITE_FAILED}), which the
 * connector reports as retry. Once {@code dailyLimit} requests have been served, every
 * request is answered 429 with policy {@code DAILY} (developers.hubspot.com/docs/api/usage-details).
 */
public final class HubSpotSandboxApi implements SandboxApi {
    private static final ObjectMapper JSON = SandboxResponse.mapper();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The API versions served: those the spec collection publishes for Contacts, Lists and Properties. */
    public static final Set<String> VERSIONS = Set.of("v3", "2025-09", "2026-03", "2026-09");
    private static final Pattern VERSIONED = Pattern.compile("/crm/(?:v3/(objects|lists|properties)|(objects|lists|properties)/([^/]+))(/.*)?");
    private static final Pattern LIST_BY_NAME = Pattern.compile("/object-type-id/0-1/name/(.+)");
    private static final Pattern LIST_BY_ID = Pattern.compile("/([0-9]+)");
    private static final Pattern MEMBERSHIPS = Pattern.compile("/([0-9]+)/memberships/(add|remove)");
    private static final Pattern GROUP = Pattern.compile("/contacts/groups/([A-Za-z0-9_]+)");
    private static final Pattern PROPERTY = Pattern.compile("/contacts/([A-Za-z0-9_]+)");
    /** HubSpot's batch endpoints take at most 100 inputs (spec descriptions of batch/read and batch/upsert; usage guide). */
    private static final int BATCH_LIMIT = 100;
    /**
     * Record ids per membership add or remove. HubSpot documents no limit for the v3 and date-versioned endpoints; the
     * connector adopts the 500 per request HubSpot documents for adding contacts to a list with the v1 endpoint
     * (developers.hubspot.com/docs/methods/lists/add_contact_to_list), and the sandbox refuses more so that a client
     * sending larger arrays is caught here rather than by a live portal.
     */
    public static final int MEMBERSHIP_LIMIT = 500;

    private final long dailyLimit;
    private final Predicate<String> tokenAccepted;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1001);
    private final Map<String, Contact> contactsByEmail = new HashMap<>();
    private final Map<String, Contact> contactsById = new HashMap<>();
    private final Map<String, ListRecord> listsByName = new HashMap<>();
    private final Map<String, ListRecord> listsById = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Set<String> properties = new LinkedHashSet<>(List.of("email", "firstname", "lastname", "phone", MERGED_IDS));
    private final Map<String, Map<String, String>> createdProperties = new LinkedHashMap<>();
    private final Map<String, String> groups = new LinkedHashMap<>(Map.of("contactinformation", "Contact information"));
    private final List<String> versionsSeen = new ArrayList<>();
    private final Map<String, Integer> upsertsByEmail = new HashMap<>();
    private final Map<String, Long> requestsByEndpoint = new HashMap<>();
    private volatile boolean wholeBatchValidation;

    /** A contact: id, email (lower case) and properties. */
    public record Contact(String id, String email, Map<String, String> properties) {
    }

    /** A list; {@code name} changes when a marketer renames it. */
    private static final class ListRecord {
        final String id;
        String name;
        final Set<String> members = new LinkedHashSet<>();

        ListRecord(String id, String name) {
            this.id = id;
            this.name = name;
        }

        String id() {
            return id;
        }

        String name() {
            return name;
        }

        Set<String> members() {
            return members;
        }
    }

    private static final String MERGED_IDS = "hs_merged_object_ids";

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

    /**
     * Bearer authentication as in developers.hubspot.com/docs/api/intro-to-auth (service keys use the same header;
     * see HubSpotClient); the 401 bodies follow the spec's Error schema (category, correlationId, message).
     */
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
        Matcher v = VERSIONED.matcher(req.path());
        if (!v.matches()) return noRoute(req);
        String family = v.group(1) != null ? v.group(1) : v.group(2);
        String version = v.group(1) != null ? "v3" : v.group(3);
        // HubSpot's docs say nothing of the answer to an unpublished version; the sandbox answers as for an unknown path
        if (!VERSIONS.contains(version)) {
            return error(404, "OBJECT_NOT_FOUND", "Unknown API version " + version + "; the sandbox serves " + new java.util.TreeSet<>(VERSIONS));
        }
        synchronized (this) {
            versionsSeen.add(version);
        }
        String p = v.group(4) == null ? "" : v.group(4);
        synchronized (this) {
            requestsByEndpoint.merge(endpoint(m, family, p), 1L, Long::sum);
        }
        return switch (family) {
            case "objects" -> objects(req, m, p, partialFailure, failRow);
            case "lists" -> lists(req, m, p);
            default -> properties(req, m, p);
        };
    }

    private SandboxResponse objects(SandboxRequest req, String m, String p, boolean partialFailure, BooleanSupplier failRow) throws Exception {
        String rest = p.startsWith("/contacts") ? p.substring(9) : p.startsWith("/0-1") ? p.substring(4) : null;
        if (rest == null) return noRoute(req);
        if (m.equals("POST") && rest.equals("/batch/upsert")) return upsert(req, partialFailure, failRow);
        if (m.equals("POST") && rest.equals("/batch/read")) return read(JSON.readTree(req.body()));
        if (m.equals("POST") && rest.equals("/merge")) return merge(JSON.readTree(req.body()));
        if (m.equals("GET") && rest.isEmpty()) return SandboxResponse.json(200, Map.of("results", List.of()));
        return noRoute(req);
    }

    private SandboxResponse lists(SandboxRequest req, String m, String p) throws Exception {
        if (m.equals("POST") && p.isEmpty()) return createList(JSON.readTree(req.body()));
        Matcher byName = LIST_BY_NAME.matcher(p);
        if (m.equals("GET") && byName.matches()) return findList(URLDecoder.decode(byName.group(1), StandardCharsets.UTF_8));
        Matcher byId = LIST_BY_ID.matcher(p);
        if (m.equals("GET") && byId.matches()) return getList(byId.group(1));
        Matcher mem = MEMBERSHIPS.matcher(p);
        if (m.equals("PUT") && mem.matches()) return memberships(mem.group(1), mem.group(2), JSON.readTree(req.body()));
        return noRoute(req);
    }

    private SandboxResponse properties(SandboxRequest req, String m, String p) throws Exception {
        if (m.equals("POST") && p.equals("/contacts")) return createProperty(JSON.readTree(req.body()));
        if (m.equals("POST") && p.equals("/contacts/groups")) return createGroup(JSON.readTree(req.body()));
        Matcher group = GROUP.matcher(p);
        if (m.equals("GET") && group.matches()) return getGroup(group.group(1));
        Matcher prop = PROPERTY.matcher(p);
        if (m.equals("GET") && prop.matches()) return getProperty(prop.group(1));
        return noRoute(req);
    }

    /** The endpoint a request is counted under: method, API family and path with ids left out. */
    private static String endpoint(String method, String family, String path) {
        String shape = MEMBERSHIPS.matcher(path).replaceFirst("/{listId}/memberships/$2");
        return method + " " + family + LIST_BY_NAME.matcher(shape).replaceFirst("/object-type-id/0-1/name/{name}");
    }

    private static SandboxResponse noRoute(SandboxRequest req) {
        return error(404, "OBJECT_NOT_FOUND", "No route for " + req.method() + " " + req.path() + " in the HubSpot sandbox");
    }

    /**
     * {@code POST .../contacts/batch/upsert}: BatchInputSimplePublicObjectBatchInputUpsert, at most 100 inputs, each
     * with {@code id} and {@code properties}; results are SimplePublicUpsertObject with {@code new} and
     * {@code objectWriteTraceId}. Unknown properties fail their row (the spec's batch/update description: "non-existent
     * properties will result in an error").
     */
    private synchronized SandboxResponse upsert(SandboxRequest req, boolean partialFailure, BooleanSupplier failRow) throws Exception {
        JsonNode inputs = JSON.readTree(req.body()).path("inputs");
        if (!inputs.isArray()) return error(400, "VALIDATION_ERROR", "inputs is required");
        if (inputs.size() > BATCH_LIMIT) return error(400, "VALIDATION_ERROR", "Batch input limit is 100, got " + inputs.size());
        for (JsonNode in : inputs) {
            // SimplePublicObjectBatchInputUpsert requires id and properties
            if (!in.hasNonNull("id") || !in.path("properties").isObject()) {
                return error(400, "VALIDATION_ERROR", "each input requires id and properties");
            }
        }
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
            Optional<String> readOnly = props.keySet().stream().filter(MERGED_IDS::equals).findFirst();
            if (readOnly.isPresent()) {
                errors.add(rowError("VALIDATION_ERROR", "Property \"" + MERGED_IDS + "\" is read-only", trace));
                continue;
            }
            upsertsByEmail.merge(email, 1, Integer::sum);
            Contact existing = contactsByEmail.get(email);
            boolean isNew = existing == null;
            Contact c = isNew ? new Contact(String.valueOf(nextId.getAndIncrement()), email, new LinkedHashMap<>()) : existing;
            // HubSpot says nothing of upserts by a merged-away email; the sandbox lets it find the surviving
            // contact, which keeps its own primary email
            props.remove("email");
            c.properties().putAll(props);
            c.properties().put("email", c.email());
            contactsByEmail.put(email, c);
            contactsById.put(c.id(), c);
            Map<String, String> shown = new LinkedHashMap<>(c.properties());
            shown.put("hs_object_id", c.id());
            Map<String, Object> r = record(c.id(), shown, now);
            r.put("new", isNew);
            if (trace != null) r.put("objectWriteTraceId", trace);
            results.add(r);
        }
        return batchAnswer(results, errors, now);
    }

    /**
     * Batch read by {@code idProperty: email}, or by record id when {@code idProperty} is absent. A merged-away record
     * id answers with the surviving record, whose {@code hs_merged_object_ids} lists it. The spec documents the merge
     * (POST .../merge, linking knowledge.hubspot.com/records/merge-records) but no field of a read answer naming
     * merged ids; {@code hs_merged_object_ids} is HubSpot's contact property for them, and the redirect of an old id
     * to the survivor is assumed here, not documented: only a live run confirms it. Ids and emails HubSpot has no
     * record of are OBJECT_NOT_FOUND errors of a 207 answer.
     */
    private synchronized SandboxResponse read(JsonNode body) {
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray()) return error(400, "VALIDATION_ERROR", "inputs is required");
        if (inputs.size() > BATCH_LIMIT) return error(400, "VALIDATION_ERROR", "Batch input limit is 100, got " + inputs.size());
        String idProperty = body.path("idProperty").asText("hs_object_id");
        if (!idProperty.equals("email") && !idProperty.equals("hs_object_id")) {
            return error(400, "VALIDATION_ERROR", "the sandbox reads contacts by email or record id only");
        }
        List<Object> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String now = Instant.now().toString();
        for (JsonNode in : inputs) {
            String key = in.path("id").asText("").trim();
            Contact c = idProperty.equals("email") ? contactsByEmail.get(key.toLowerCase(java.util.Locale.ROOT)) : byRecordId(key);
            if (c == null) {
                missing.add(key);
                continue;
            }
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("email", c.email());
            shown.put("hs_object_id", c.id());
            if (c.properties().containsKey(MERGED_IDS)) shown.put(MERGED_IDS, c.properties().get(MERGED_IDS));
            results.add(record(c.id(), shown, now));
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

    private Contact byRecordId(String id) {
        String current = id;
        while (mergedInto.containsKey(current)) current = mergedInto.get(current);
        return contactsById.get(current);
    }

    /** {@code POST .../contacts/merge}: PublicMergeInput requires primaryObjectId and objectIdToMerge. */
    private synchronized SandboxResponse merge(JsonNode body) {
        String primaryId = body.path("primaryObjectId").asText("");
        String mergedId = body.path("objectIdToMerge").asText("");
        Contact primary = contactsById.get(primaryId);
        Contact merged = contactsById.get(mergedId);
        if (primaryId.isEmpty() || mergedId.isEmpty()) return error(400, "VALIDATION_ERROR", "primaryObjectId and objectIdToMerge are required");
        if (primary == null || merged == null || primary == merged) return error(400, "VALIDATION_ERROR", "both records must exist and differ");
        contactsById.remove(mergedId);
        mergedInto.put(mergedId, primaryId);
        contactsByEmail.put(merged.email(), primary);
        String ids = primary.properties().getOrDefault(MERGED_IDS, "");
        primary.properties().put(MERGED_IDS, ids.isEmpty() ? mergedId : ids + ";" + mergedId);
        // the survivor takes over the merged record's static-list memberships (merge-records guide)
        for (ListRecord l : listsById.values()) {
            if (l.members().remove(mergedId)) l.members().add(primaryId);
        }
        return SandboxResponse.json(200, record(primaryId, primary.properties(), Instant.now().toString()));
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

    private static String nameKey(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code POST .../lists}: ListCreateRequest requires name, objectTypeId and processingType. */
    private synchronized SandboxResponse createList(JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isBlank()) return error(400, "VALIDATION_ERROR", "name is required");
        if (!"0-1".equals(body.path("objectTypeId").asText())) return error(400, "VALIDATION_ERROR", "objectTypeId must be 0-1 here");
        if (!"MANUAL".equals(body.path("processingType").asText()) && !"SNAPSHOT".equals(body.path("processingType").asText())) {
            return error(400, "VALIDATION_ERROR", "the sandbox supports MANUAL and SNAPSHOT lists only");
        }
        // list names are unique regardless of case in a portal
        if (listsByName.containsKey(nameKey(name))) return error(400, "VALIDATION_ERROR", "A list with this name already exists");
        ListRecord l = new ListRecord(String.valueOf(nextId.getAndIncrement()), name);
        listsByName.put(nameKey(name), l);
        listsById.put(l.id(), l);
        return SandboxResponse.json(200, Map.of("list", listJson(l)));
    }

    /**
     * {@code GET .../lists/object-type-id/0-1/name/{listName}}: matched case-insensitively, as HubSpot matches list
     * names (the spec is silent on case; the live test exercises it).
     */
    private synchronized SandboxResponse findList(String name) {
        ListRecord l = listsByName.get(nameKey(name));
        return l == null ? error(404, "OBJECT_NOT_FOUND", "List does not exist with name")
                : SandboxResponse.json(200, Map.of("list", listJson(l)));
    }

    /** {@code GET .../lists/{listId}}: a deleted list answers 404 (the spec's restore, PUT .../restore, is not served). */
    private synchronized SandboxResponse getList(String id) {
        ListRecord l = listsById.get(id);
        return l == null ? error(404, "OBJECT_NOT_FOUND", "List " + id + " does not exist")
                : SandboxResponse.json(200, Map.of("list", listJson(l)));
    }

    /**
     * {@code PUT .../lists/{listId}/memberships/add|remove}: the body is an array of record ids (spec: array of
     * strings, required) of at most {@value #MEMBERSHIP_LIMIT}; the spec states no size limit, see
     * {@link #MEMBERSHIP_LIMIT} for the one adopted.
     */
    private synchronized SandboxResponse memberships(String listId, String action, JsonNode ids) {
        ListRecord l = listsById.get(listId);
        if (l == null) return error(404, "OBJECT_NOT_FOUND", "List " + listId + " does not exist");
        if (!ids.isArray()) return error(400, "VALIDATION_ERROR", "body must be an array of record ids");
        if (ids.size() > MEMBERSHIP_LIMIT) {
            return error(400, "VALIDATION_ERROR", "At most " + MEMBERSHIP_LIMIT + " record ids per request, got " + ids.size());
        }
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode n : ids) {
            String id = n.asText();
            if (action.equals("add")) {
                // an id already a member is neither added nor missing
                if (!contactsById.containsKey(id)) missing.add(id);
                else if (l.members().add(id)) changed.add(id);
            } else if (l.members().remove(id)) {
                changed.add(id);
            } else {
                missing.add(id);
            }
        }
        // MembershipsUpdateResponse: all three fields required, "recordsIdsAdded" spelt as in the spec
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordsIdsAdded", action.equals("add") ? changed : List.of());
        body.put("recordIdsRemoved", action.equals("remove") ? changed : List.of());
        body.put("recordIdsMissing", missing);
        return SandboxResponse.json(200, body);
    }

    /** {@code GET .../properties/contacts/{propertyName}}; 404 when absent. */
    private synchronized SandboxResponse getProperty(String name) {
        if (!properties.contains(name)) return error(404, "OBJECT_NOT_FOUND", "Unable to find property " + name);
        Map<String, String> p = createdProperties.getOrDefault(name, Map.of("label", name, "groupName", "contactinformation"));
        return SandboxResponse.json(200, Map.of("name", name, "label", p.get("label"), "type", "string",
                "fieldType", "text", "groupName", p.get("groupName")));
    }

    /**
     * {@code POST .../properties/contacts}: PropertyCreate requires name, label, type, fieldType and groupName. The
     * spec does not say what an unknown group does; the sandbox refuses it, so a client must create its group first.
     */
    private synchronized SandboxResponse createProperty(JsonNode body) {
        for (String field : List.of("name", "label", "type", "fieldType", "groupName")) {
            if (body.path(field).asText("").isBlank()) return error(400, "VALIDATION_ERROR", field + " is required");
        }
        String name = body.path("name").asText();
        if (!name.matches("[a-z][a-z0-9_]*")) return error(400, "VALIDATION_ERROR", "invalid property name");
        String group = body.path("groupName").asText();
        if (!groups.containsKey(group)) return error(400, "VALIDATION_ERROR", "Property group " + group + " does not exist");
        if (!properties.add(name)) return error(409, "CONFLICT", "Property already exists");
        createdProperties.put(name, Map.of("label", body.path("label").asText(), "groupName", group));
        return SandboxResponse.json(201, Map.of("name", name, "label", body.path("label").asText(), "type", "string",
                "fieldType", "text", "groupName", group));
    }

    /** {@code GET .../properties/contacts/groups/{groupName}}; 404 when absent. */
    private synchronized SandboxResponse getGroup(String name) {
        return groups.containsKey(name) ? SandboxResponse.json(200, Map.of("name", name, "label", groups.get(name), "archived", false))
                : error(404, "OBJECT_NOT_FOUND", "Unable to find property group " + name);
    }

    /** PropertyGroupCreate requires name and label. */
    private synchronized SandboxResponse createGroup(JsonNode body) {
        String name = body.path("name").asText("");
        String label = body.path("label").asText("");
        if (name.isBlank() || label.isBlank()) return error(400, "VALIDATION_ERROR", "name and label are required");
        if (!name.matches("[a-z][a-z0-9_]*")) return error(400, "VALIDATION_ERROR", "invalid property group name");
        if (groups.putIfAbsent(name, label) != null) return error(409, "CONFLICT", "Property group already exists");
        return SandboxResponse.json(201, Map.of("name", name, "label", label, "archived", false));
    }

    /**
     * 429 with {@code policyName} and the {@code X-HubSpot-RateLimit-*} headers, as developers.hubspot.com/docs/api/usage-details
     * describes (100 requests per 10 seconds for private apps on the lowest tiers; service keys share those limits,
     * per the service keys guide).
     */
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
        ListRecord l = listsByName.get(nameKey(name));
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
        ListRecord l = listsByName.get(nameKey(name));
        return l == null ? 0 : l.members().size();
    }

    /** The list id by name. */
    public synchronized Optional<String> listId(String name) {
        return Optional.ofNullable(listsByName.get(nameKey(name))).map(ListRecord::id);
    }

    /** Renames a list, as a marketer would in the HubSpot UI. */
    public synchronized void renameList(String listId, String newName) {
        ListRecord l = listsById.get(listId);
        listsByName.remove(nameKey(l.name()));
        l.name = newName;
        listsByName.put(nameKey(newName), l);
    }

    /** Deletes a list, as a marketer would in the HubSpot UI. */
    public synchronized void deleteList(String listId) {
        ListRecord l = listsById.remove(listId);
        if (l != null) listsByName.remove(nameKey(l.name()));
    }

    /** Merges the contact with {@code mergedEmail} into the one with {@code primaryEmail}, as a marketer would. */
    public synchronized void mergeContacts(String primaryEmail, String mergedEmail) {
        Contact primary = contactsByEmail.get(primaryEmail.toLowerCase(java.util.Locale.ROOT));
        Contact merged = contactsByEmail.get(mergedEmail.toLowerCase(java.util.Locale.ROOT));
        merge(JSON.createObjectNode().put("primaryObjectId", primary.id()).put("objectIdToMerge", merged.id()));
    }

    /** Deletes (archives) the contact with this email, as an erasure in HubSpot would. */
    public synchronized void deleteContact(String email) {
        Contact c = contactsByEmail.remove(email.toLowerCase(java.util.Locale.ROOT));
        if (c == null) return;
        contactsById.remove(c.id());
        listsById.values().forEach(l -> l.members().remove(c.id()));
    }

    /** Label and group of a property Seglift created, if it did. */
    public synchronized Optional<Map<String, String>> createdProperty(String name) {
        return Optional.ofNullable(createdProperties.get(name));
    }

    /** Property groups by name, with their labels. */
    public synchronized Map<String, String> propertyGroups() {
        return Map.copyOf(groups);
    }

    /** The API version of every request served, in order. */
    public synchronized List<String> versionsSeen() {
        return List.copyOf(versionsSeen);
    }

    /** The contact with this email, if any. */
    public synchronized Optional<Contact> contact(String email) {
        return Optional.ofNullable(contactsByEmail.get(email.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Requests served by endpoint, e.g. {@code POST objects/contacts/batch/upsert} or
     * {@code PUT lists/{listId}/memberships/add} (authenticated requests that reached a known API version).
     */
    public synchronized Map<String, Long> requestsByEndpoint() {
        return Map.copyOf(requestsByEndpoint);
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
        ListRecord l = listsByName.get(nameKey(listName));
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
