package io.seglift.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.settings.Secret;
import io.seglift.toolkit.http.BaseUrl;
import io.seglift.toolkit.http.HttpSender;
import io.seglift.toolkit.http.RetryAfter;
import io.seglift.toolkit.http.StatusPolicy;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed client for the HubSpot endpoints Seglift uses: contacts batch upsert and batch read, lists (by id, by name,
 * create, memberships) and contact properties and property groups, at the {@link ApiVersion} configured (paths built
 * there only). The token, a service key or a legacy private-app token, goes in {@code Authorization: Bearer}, the
 * scheme HubSpot documents for private-app and OAuth tokens (developers.hubspot.com/docs/api/intro-to-auth). The
 * service keys guide (developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/account-service-keys)
 * as read while writing this does not name the header; Bearer is kept until HubSpot says otherwise. Failures map onto the SPI through the HTTP toolkit: 429, 5xx,
 * timeouts and connection failures become {@link RetriableDestinationException} carrying the wait HubSpot asked for
 * (for policy {@code DAILY}: until the next UTC midnight, which the engine refuses to wait for past its maximum); 401
 * and 403 become {@link DestinationException} with what to do. Other 4xx answers surface as {@link HubSpotApiException}
 * for the caller to interpret. Messages never contain the token, emails or phone numbers.
 */
public final class HubSpotClient {
    /** HubSpot's object type id for contacts. */
    public static final String CONTACTS = "0-1";
    /** Property listing the record ids merged into a contact (HubSpot's merge-records guide). */
    public static final String MERGED_IDS = "hs_merged_object_ids";

    /**
     * Inputs per batch upsert or batch read: HubSpot's batch endpoints take at most 100 records per request
     * (developers.hubspot.com/docs/api/crm/contacts, batch endpoints; the sandbox refuses more, as HubSpot does).
     */
    public static final int MAX_INPUTS = 100;
    /**
     * Record ids per list membership add or remove. The v3 and date-versioned Lists references
     * (developers.hubspot.com/docs/api-reference/2026-03/crm/lists/memberships/add-to-list, .../remove-from-list) and the
     * spec collection's lists.json state no limit for the id array; the only limit HubSpot documents for adding contacts
     * to a list is the 500 records per request of the v1 endpoint (developers.hubspot.com/docs/methods/lists/add_contact_to_list),
     * which is kept here as the conservative size.
     */
    public static final int MAX_LIST_IDS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSender sender;
    private final BaseUrl baseUrl;
    private final Secret token;
    private final ApiVersion version;
    private final Clock clock;
    private final StatusPolicy policy;

    public HubSpotClient(DestinationContext context, BaseUrl baseUrl, Secret token, ApiVersion version) {
        this.sender = new HttpSender(context.httpClient(), context.requestTimeout(), "HubSpot");
        this.baseUrl = baseUrl;
        this.token = token;
        this.version = version;
        this.clock = context.clock();
        this.policy = new StatusPolicy("HubSpot", "create a service key (HubSpot: Development > Keys > Service keys) "
                + "and set it as the destination's token (" + token.source() + ")", "give the service key the scopes "
                + "crm.objects.contacts.read, crm.objects.contacts.write, crm.lists.read, crm.lists.write, "
                + "crm.schemas.contacts.read and crm.schemas.contacts.write");
    }

    /** One contact to upsert: matched by {@code email}; {@code traceId} (the customer key) ties errors to rows. */
    public record ContactInput(String traceId, String email, Map<String, String> properties) {
    }

    /** A per-row error of a multi-status answer. */
    public record RowError(String traceId, String category, String message) {
    }

    /** Upsert outcome: contact ids by trace id, and errors by trace id. */
    public record UpsertResult(Map<String, String> idsByTraceId, Map<String, RowError> errorsByTraceId) {
    }

    /** A list as HubSpot returns it. */
    public record HubSpotList(String listId, String name, String processingType) {
    }

    /** Membership change outcome. */
    public record MembershipResult(List<String> changed, List<String> missing) {
    }

    /** The API version this client calls. */
    public ApiVersion version() {
        return version;
    }

    /** {@code GET .../contacts?limit=1}: checks the token and the contacts read scope. */
    public void ping() {
        send("GET", version.contacts("?limit=1"), null);
    }

    /**
     * {@code POST .../contacts/batch/upsert} with {@code idProperty: email}; at most {@value #MAX_INPUTS} inputs. Results are tied to
     * rows by {@code objectWriteTraceId} (SimplePublicUpsertObject in the Contacts spec), else by email: a merged
     * contact answers with the surviving record, whose email may be another.
     */
    public UpsertResult upsertContacts(List<ContactInput> inputs) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("inputs");
        Map<String, String> traceByEmail = new LinkedHashMap<>();
        for (ContactInput in : inputs) {
            ObjectNode n = arr.addObject();
            n.put("id", in.email());
            n.put("idProperty", "email");
            n.put("objectWriteTraceId", in.traceId());
            ObjectNode props = n.putObject("properties");
            props.put("email", in.email());
            in.properties().forEach(props::put);
            traceByEmail.put(in.email().toLowerCase(Locale.ROOT), in.traceId());
        }
        JsonNode r = send("POST", version.contacts("/batch/upsert"), body);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode res : r.path("results")) {
            String trace = res.path("objectWriteTraceId").asText(null);
            if (trace == null) {
                String email = res.path("properties").path("email").asText("");
                trace = traceByEmail.get(email.toLowerCase(Locale.ROOT));
            }
            if (trace != null) ids.put(trace, res.path("id").asText());
        }
        Map<String, RowError> errors = new LinkedHashMap<>();
        for (JsonNode err : r.path("errors")) {
            String category = err.path("category").asText("UNKNOWN");
            String message = Redactor.redact(err.path("message").asText(""));
            for (JsonNode trace : err.path("context").path("objectWriteTraceId")) {
                errors.put(trace.asText(), new RowError(trace.asText(), category, message));
            }
        }
        return new UpsertResult(ids, errors);
    }

    /**
     * {@code POST .../contacts/batch/read} with {@code idProperty: email}: record ids by lower-cased email for the
     * contacts that exist (HubSpot reports the others as errors of a multi-status answer); at most 100 emails.
     */
    public Map<String, String> contactIdsByEmail(List<String> emails) {
        ObjectNode body = readBody(emails, "email");
        body.put("idProperty", "email");
        JsonNode r = send("POST", version.contacts("/batch/read"), body);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode res : r.path("results")) {
            String email = res.path("properties").path("email").asText(null);
            if (email != null) ids.put(email.toLowerCase(Locale.ROOT), res.path("id").asText());
        }
        return ids;
    }

    /**
     * {@code POST .../contacts/batch/read} by record id: the current record id of each requested id that still names a
     * contact. A merged-away id answers with the surviving record, recognised by the old id in {@value #MERGED_IDS}
     * (the spec collection documents merging but names no merged-ids field of a read answer; this property is where
     * HubSpot keeps them); deleted ids are absent. At most 100 ids.
     */
    public Map<String, String> currentIds(List<String> recordIds) {
        JsonNode r = send("POST", version.contacts("/batch/read"), readBody(recordIds, MERGED_IDS));
        Map<String, String> current = new LinkedHashMap<>();
        for (JsonNode res : r.path("results")) {
            String id = res.path("id").asText();
            if (recordIds.contains(id)) current.put(id, id);
            for (String merged : res.path("properties").path(MERGED_IDS).asText("").split(";")) {
                if (recordIds.contains(merged.trim())) current.put(merged.trim(), id);
            }
        }
        return current;
    }

    private static ObjectNode readBody(List<String> ids, String property) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("properties").add(property);
        body.putArray("propertiesWithHistory");
        ArrayNode arr = body.putArray("inputs");
        ids.forEach(e -> arr.addObject().put("id", e));
        return body;
    }

    /** {@code GET .../lists/{listId}}; empty when HubSpot answers 404 or the list is deleted ({@code deletedAt}). */
    public Optional<HubSpotList> findListById(String listId) {
        try {
            JsonNode list = send("GET", version.lists("/" + URLEncoder.encode(listId, StandardCharsets.UTF_8)), null)
                    .path("list");
            return list.hasNonNull("deletedAt") ? Optional.empty() : Optional.of(toList(list));
        } catch (HubSpotApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** {@code GET .../lists/object-type-id/0-1/name/{name}}; empty when HubSpot answers 404. */
    public Optional<HubSpotList> findContactListByName(String name) {
        try {
            return Optional.of(toList(send("GET", version.lists("/object-type-id/" + CONTACTS + "/name/"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")), null).path("list")));
        } catch (HubSpotApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** {@code POST .../lists} creating a static (MANUAL) contact list. */
    public HubSpotList createContactList(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("objectTypeId", CONTACTS);
        body.put("processingType", "MANUAL");
        return toList(send("POST", version.lists(""), body).path("list"));
    }

    /** {@code PUT .../lists/{listId}/memberships/add}; at most {@value #MAX_LIST_IDS} ids. */
    public MembershipResult addToList(String listId, List<String> recordIds) {
        JsonNode r = send("PUT", version.lists("/" + listId + "/memberships/add"), JSON.valueToTree(recordIds));
        // the spec's MembershipsUpdateResponse spells the field recordsIdsAdded
        List<String> changed = texts(r.path("recordsIdsAdded"));
        changed.addAll(texts(r.path("recordIdsAdded")));
        return new MembershipResult(changed, texts(r.path("recordIdsMissing")));
    }

    /** {@code PUT .../lists/{listId}/memberships/remove}; at most {@value #MAX_LIST_IDS} ids. */
    public MembershipResult removeFromList(String listId, List<String> recordIds) {
        JsonNode r = send("PUT", version.lists("/" + listId + "/memberships/remove"), JSON.valueToTree(recordIds));
        return new MembershipResult(texts(r.path("recordIdsRemoved")), texts(r.path("recordIdsMissing")));
    }

    /** Whether contact property {@code name} exists ({@code GET .../properties/contacts/{name}}). */
    public boolean contactPropertyExists(String name) {
        return exists(version.contactProperties("/" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
    }

    /** Whether contact property group {@code name} exists ({@code GET .../properties/contacts/groups/{name}}). */
    public boolean contactPropertyGroupExists(String name) {
        return exists(version.contactProperties("/groups/" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
    }

    private boolean exists(String path) {
        try {
            send("GET", path, null);
            return true;
        } catch (HubSpotApiException e) {
            if (e.status() == 404) return false;
            throw e;
        }
    }

    /** Creates a contact property group ({@code POST .../properties/contacts/groups}); one that exists is fine. */
    public void createContactPropertyGroup(String name, String label) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("label", label);
        createIgnoringConflict(version.contactProperties("/groups"), body);
    }

    /** Creates a single-line text contact property in {@code group} ({@code POST .../properties/contacts}). */
    public void createContactProperty(String name, String label, String description, String group) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("label", label);
        body.put("type", "string");
        body.put("fieldType", "text");
        body.put("groupName", group);
        body.put("description", description);
        createIgnoringConflict(version.contactProperties(""), body);
    }

    private void createIgnoringConflict(String path, JsonNode body) {
        try {
            send("POST", path, body);
        } catch (HubSpotApiException e) {
            if (e.status() != 409) throw e;
        }
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return interpret(method, path, sender.send(b, method + " " + route(path)));
    }

    private JsonNode interpret(String method, String path, HttpResponse<String> resp) {
        int status = resp.statusCode();
        JsonNode json = parse(resp.body());
        if (status >= 200 && status < 300) return json;
        String message = Redactor.redact(json.path("message").asText(resp.body()));
        String category = json.path("category").asText(json.path("errorType").asText(""));
        String what = method + " " + route(path);
        if (status == 429 && json.path("policyName").asText("").equals("DAILY")) {
            Duration untilMidnight = Duration.between(clock.instant(),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            throw new RetriableDestinationException("DAILY_LIMIT", "HubSpot's daily API limit for this portal is used up ("
                    + what + "); it resets at midnight in the portal's time zone. Sync again tomorrow or ask HubSpot "
                    + "for the API limit increase.", untilMidnight.plusMinutes(1));
        }
        String policyName = json.path("policyName").asText("");
        var failure = policy.failure(status, status == 429 ? what + " (policy " + (policyName.isEmpty() ? "unknown" : policyName)
                + ")" : what, status == 429 || status >= 500 ? retryAfter(resp) : null);
        if (failure.isPresent()) {
            if (status == 403) {
                throw new DestinationException("SCOPE", failure.get().getMessage() + ". HubSpot said: " + message);
            }
            throw failure.get();
        }
        throw new HubSpotApiException(status, category, "HubSpot answered " + status + " to " + what + ": " + message);
    }

    private static Duration retryAfter(HttpResponse<String> resp) {
        Optional<Duration> ra = RetryAfter.of(resp);
        if (ra.isPresent()) return ra.get();
        Optional<String> remaining = resp.headers().firstValue("X-HubSpot-RateLimit-Remaining");
        Optional<String> interval = resp.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds");
        Optional<String> max = resp.headers().firstValue("X-HubSpot-RateLimit-Max");
        if (remaining.filter("0"::equals).isPresent() && interval.isPresent() && max.isPresent()) {
            // the window is full: one request's share of the interval frees the next slot on average
            long perRequest = Long.parseLong(interval.get()) / Math.max(1, Long.parseLong(max.get()));
            return Duration.ofMillis(Math.max(100, perRequest));
        }
        return null;
    }

    private static HubSpotList toList(JsonNode list) {
        return new HubSpotList(list.path("listId").asText(), list.path("name").asText(),
                list.path("processingType").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    /** The path without list names or query, for messages. */
    private static String route(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        int n = p.indexOf("/name/");
        return n < 0 ? p : p.substring(0, n) + "/name/...";
    }
}
