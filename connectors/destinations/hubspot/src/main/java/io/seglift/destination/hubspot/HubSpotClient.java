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
import java.util.Map;
import java.util.Optional;

/**
 * Typed client for the HubSpot endpoints Seglift uses: contacts batch upsert, lists v3 and contact properties.
 * Failures map onto the SPI through the HTTP toolkit: 429, 5xx, timeouts and connection failures become {@link
 * RetriableDestinationException} carrying the wait HubSpot asked for (for policy {@code DAILY}: until the next UTC
 * midnight, which the engine refuses to wait for past its maximum); 401 and 403 become {@link DestinationException}
 * with what to do. Other 4xx answers surface as
 * {@link HubSpotApiException} for the caller to interpret. Messages never contain the token, emails or phone numbers.
 */
public final class HubSpotClient {
    /** HubSpot's object type id for contacts. */
    public static final String CONTACTS = "0-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSender sender;
    private final BaseUrl baseUrl;
    private final Secret token;
    private final Clock clock;
    private final StatusPolicy policy;

    public HubSpotClient(DestinationContext context, BaseUrl baseUrl, Secret token) {
        this.sender = new HttpSender(context.httpClient(), context.requestTimeout(), "HubSpot");
        this.baseUrl = baseUrl;
        this.token = token;
        this.clock = context.clock();
        this.policy = new StatusPolicy("HubSpot", "create a private-app token and set it as the destination's token ("
                + token.source() + ")", "give the private app the scopes crm.objects.contacts.read, "
                + "crm.objects.contacts.write, crm.lists.read, crm.lists.write and crm.schemas.contacts.write");
    }

    /** One contact to upsert: matched by {@code email}; {@code traceId} (the customer key) ties errors to rows. */
    public record ContactInput(String traceId, String email, Map<String, String> properties) {
    }

    /** A per-row error of a multi-status answer. */
    public record RowError(String traceId, String category, String message) {
    }

    /** Upsert outcome: contact ids by lower-cased email, and errors by trace id. */
    public record UpsertResult(Map<String, String> idsByEmail, Map<String, RowError> errorsByTraceId) {
    }

    /** A list as HubSpot returns it. */
    public record HubSpotList(String listId, String name, String processingType) {
    }

    /** Membership change outcome. */
    public record MembershipResult(List<String> changed, List<String> missing) {
    }

    /** {@code GET /crm/v3/objects/contacts?limit=1}: checks the token and the contacts read scope. */
    public void ping() {
        send("GET", "/crm/v3/objects/contacts?limit=1", null);
    }

    /** {@code POST /crm/v3/objects/contacts/batch/upsert} with {@code idProperty: email}; at most 100 inputs. */
    public UpsertResult upsertContacts(List<ContactInput> inputs) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("inputs");
        for (ContactInput in : inputs) {
            ObjectNode n = arr.addObject();
            n.put("id", in.email());
            n.put("idProperty", "email");
            n.put("objectWriteTraceId", in.traceId());
            ObjectNode props = n.putObject("properties");
            props.put("email", in.email());
            in.properties().forEach(props::put);
        }
        JsonNode r = send("POST", "/crm/v3/objects/contacts/batch/upsert", body);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode res : r.path("results")) {
            String email = res.path("properties").path("email").asText(null);
            if (email != null) ids.put(email.toLowerCase(java.util.Locale.ROOT), res.path("id").asText());
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
     * {@code POST /crm/v3/objects/contacts/batch/read} with {@code idProperty: email}: record ids by lower-cased email
     * for the contacts that exist (HubSpot reports the others as errors of a multi-status answer); at most 100 emails.
     */
    public Map<String, String> contactIdsByEmail(List<String> emails) {
        ObjectNode body = JSON.createObjectNode();
        body.put("idProperty", "email");
        body.putArray("properties").add("email");
        ArrayNode arr = body.putArray("inputs");
        emails.forEach(e -> arr.addObject().put("id", e));
        JsonNode r = send("POST", "/crm/v3/objects/contacts/batch/read", body);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode res : r.path("results")) {
            String email = res.path("properties").path("email").asText(null);
            if (email != null) ids.put(email.toLowerCase(java.util.Locale.ROOT), res.path("id").asText());
        }
        return ids;
    }

    /** {@code GET /crm/v3/lists/object-type-id/0-1/name/{name}}; empty when HubSpot answers 404. */
    public Optional<HubSpotList> findContactListByName(String name) {
        try {
            return Optional.of(toList(send("GET", "/crm/v3/lists/object-type-id/" + CONTACTS + "/name/"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), null).path("list")));
        } catch (HubSpotApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** {@code POST /crm/v3/lists} creating a static (MANUAL) contact list. */
    public HubSpotList createContactList(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("objectTypeId", CONTACTS);
        body.put("processingType", "MANUAL");
        return toList(send("POST", "/crm/v3/lists", body).path("list"));
    }

    /** {@code PUT /crm/v3/lists/{listId}/memberships/add}. */
    public MembershipResult addToList(String listId, List<String> recordIds) {
        JsonNode r = send("PUT", "/crm/v3/lists/" + listId + "/memberships/add", JSON.valueToTree(recordIds));
        List<String> changed = texts(r.path("recordIdsAdded"));
        changed.addAll(texts(r.path("recordIdsAlreadyMember")));
        return new MembershipResult(changed, texts(r.path("recordIdsMissing")));
    }

    /** {@code PUT /crm/v3/lists/{listId}/memberships/remove}. */
    public MembershipResult removeFromList(String listId, List<String> recordIds) {
        JsonNode r = send("PUT", "/crm/v3/lists/" + listId + "/memberships/remove", JSON.valueToTree(recordIds));
        return new MembershipResult(texts(r.path("recordIdsRemoved")), texts(r.path("recordIdsMissing")));
    }

    /** Whether contact property {@code name} exists ({@code GET /crm/v3/properties/contacts/{name}}). */
    public boolean contactPropertyExists(String name) {
        try {
            send("GET", "/crm/v3/properties/contacts/" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
            return true;
        } catch (HubSpotApiException e) {
            if (e.status() == 404) return false;
            throw e;
        }
    }

    /** Creates a single-line text contact property ({@code POST /crm/v3/properties/contacts}). */
    public void createContactProperty(String name, String label, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("label", label);
        body.put("type", "string");
        body.put("fieldType", "text");
        body.put("groupName", "contactinformation");
        body.put("description", description);
        try {
            send("POST", "/crm/v3/properties/contacts", body);
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
