package io.seglift.destination.facebook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graph API endpoints the Facebook destination uses, in memory, with Meta's answer and error shapes. Bodies may be
 * form-urlencoded (the connector's uploads) or multipart (the Business SDK's POSTs). Each behaviour cites the Meta
 * document it follows; where Meta documents nothing, the comment says so.
 */
public final class FacebookSandboxApi implements SandboxApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Set<String> PLAIN_KEYS = Set.of("EXTERN_ID", "MADID");
    private static final Set<String> STANDALONE_KEYS = Set.of("EMAIL", "PHONE", "EXTERN_ID", "MADID");
    private static final Pattern VERSION = Pattern.compile("^/v(\\d+)\\.(\\d+)/.*");
    private static final Pattern ACCOUNT = Pattern.compile("^/v[\\d.]+/(act_\\d+)(/customaudiences)?/?$");
    private static final Pattern AUDIENCE = Pattern.compile("^/v[\\d.]+/(\\d+)/?$");
    private static final Pattern USERS = Pattern.compile("^/v[\\d.]+/(\\d+)/(users|usersreplace)$");
    /** https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/: 10,000 rows per call. */
    private static final int MAX_ROWS = 10_000;
    /**
     * Marketing API expiry dates, from
     * https://developers.facebook.com/documentation/ads-commerce/marketing-api/marketing-api-changelog/versions
     * (v26.0 and v27.0: "TBD"; every version before v22.0 expired before v22.0 did).
     */
    private static final Map<Integer, LocalDate> EXPIRES = Map.of(22, LocalDate.of(2026, 2, 19),
            23, LocalDate.of(2026, 6, 9), 24, LocalDate.of(2026, 11, 10), 25, LocalDate.of(2027, 2, 23));
    private static final String LATEST = "v27.0";
    /** The lookalike guide: origin audiences need at least 100 members (from one country). */
    public static final int LOOKALIKE_MIN_SOURCE = 100;

    private final Predicate<String> tokenAccepted;
    private final String appSecret;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(23_850_000_000_000L);
    private final Map<String, ObjectNode> audiences = new LinkedHashMap<>();
    private final Map<String, List<Set<String>>> people = new HashMap<>();
    private final Map<Long, List<Set<String>>> replacing = new HashMap<>();
    private final Set<String> flagged = new HashSet<>();
    private final List<String> sessionLog = new ArrayList<>();
    private final List<String> audienceQueries = new ArrayList<>();
    private final Set<String> refusedHashes = new HashSet<>();
    private long unhashedValues;
    private long rowsReceived;
    private int lookalikesCreated;

    /** A sandbox accepting access tokens for which {@code tokenAccepted} is true, for an app without an app secret. */
    public FacebookSandboxApi(Predicate<String> tokenAccepted) {
        this(tokenAccepted, null, Clock.systemUTC());
    }

    /**
     * A sandbox for an app with "Require App Secret" on when {@code appSecret} is not null: every call must then carry
     * the {@code appsecret_proof} of its token; {@code clock} decides which API versions have expired.
     */
    public FacebookSandboxApi(Predicate<String> tokenAccepted, String appSecret, Clock clock) {
        this.tokenAccepted = tokenAccepted;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /**
     * Row identities of the people in the audience: per person its first standalone key, {@code EMAIL:<hash>}, else
     * {@code PHONE:<hash>}, {@code EXTERN_ID:..}, {@code MADID:..}.
     */
    public synchronized Set<String> members(String audienceId) {
        Set<String> out = new LinkedHashSet<>();
        for (Set<String> person : people.getOrDefault(audienceId, List.of())) out.add(person.iterator().next());
        return out;
    }

    /** The audience's fields as stored (name, subtype, description, customer_file_source), or null. */
    public synchronized JsonNode audience(String audienceId) {
        return audiences.get(audienceId);
    }

    /** Deletes an audience, as a marketer in Ads Manager or Meta's two-year clean-up does. */
    public synchronized void delete(String audienceId) {
        audiences.remove(audienceId);
        people.remove(audienceId);
    }

    /** Renames an audience, as a marketer in Ads Manager does. */
    public synchronized void rename(String audienceId, String name) {
        audiences.get(audienceId).put("name", name);
    }

    /** Flags an audience (operation_status 471), so Meta refuses member changes to it. */
    public synchronized void flag(String audienceId) {
        flagged.add(audienceId);
    }

    /** Values received in hashed columns that were not SHA-256 hex digests; must stay 0. */
    public synchronized long unhashedValuesReceived() {
        return unhashedValues;
    }

    /** Rows received over all uploads. */
    public synchronized long rowsReceived() {
        return rowsReceived;
    }

    /** Sessions seen, as {@code <edge> <session_id> <batch_seq> <last_batch_flag> <estimated_num_total>}. */
    public synchronized List<String> sessionLog() {
        return List.copyOf(sessionLog);
    }

    /** Audience reads, as {@code id <id>} or {@code list <filtering>}, to show how audiences were looked up. */
    public synchronized List<String> audienceQueries() {
        return List.copyOf(audienceQueries);
    }

    /** Lookalike audiences created so far (refused attempts not counted). */
    public synchronized int lookalikesCreated() {
        return lookalikesCreated;
    }

    /** The lookalike audiences whose origin is {@code audienceId}, by id. */
    public synchronized List<String> lookalikesOf(String audienceId) {
        return audiences.values().stream().filter(a -> audienceId.equals(a.path("origin_audience_id").asText(null)))
                .map(a -> a.path("id").asText()).toList();
    }

    /** Makes Meta treat rows carrying this hash as invalid entries (as it does for malformed hashed data). */
    public synchronized void refuse(String hash) {
        refusedHashes.add(hash);
    }

    /**
     * Per-row transient faults are ignored: the users endpoint reports only invalid entries, which are permanent
     * (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/).
     */
    @Override
    public synchronized SandboxResponse handle(SandboxRequest request, boolean partialFailure, BooleanSupplier failRow) {
        Map<String, String> params = new HashMap<>(request.query());
        params.putAll(bodyParams(request));
        String token = params.getOrDefault("access_token", "");
        if (token.isEmpty() || !tokenAccepted.test(token)) {
            return error(400, "OAuthException", 190, "Invalid OAuth access token - Cannot parse access token");
        }
        SandboxResponse refused = refuseProof(token, params.get("appsecret_proof"));
        if (refused == null) refused = refuseVersion(request.path());
        if (refused != null) return refused;
        try {
            Matcher account = ACCOUNT.matcher(request.path());
            if (account.matches() && account.group(2) == null && request.method().equals("GET")) {
                return json(200, JSON.createObjectNode().put("id", account.group(1)).put("name", "Sandbox ad account"));
            }
            if (account.matches() && account.group(2) != null) {
                return request.method().equals("GET") ? listAudiences(request, params) : createAudience(params);
            }
            Matcher audience = AUDIENCE.matcher(request.path());
            if (audience.matches() && request.method().equals("GET")) return readAudience(audience.group(1), params);
            Matcher users = USERS.matcher(request.path());
            if (users.matches()) return upload(users.group(1), users.group(2), request.method(), params);
        } catch (IOException | RuntimeException e) {
            return error(400, "OAuthException", 100, "Invalid parameter");
        }
        return error(400, "GraphMethodException", 100, "Unsupported request");
    }

    /**
     * https://developers.facebook.com/docs/graph-api/securing-requests/#appsecret_proof : the proof is the hex
     * HMAC-SHA256 of the access token keyed with the app secret; with "Require App Secret" on, calls without it are
     * refused. Meta's answers (GraphMethodException, code 100) are quoted in the SDK issue threads, e.g.
     * https://github.com/facebook/facebook-python-business-sdk/issues/528 ; the reference does not print them.
     */
    private SandboxResponse refuseProof(String token, String proof) {
        if (appSecret == null) return null;
        if (proof == null || proof.isBlank()) {
            return error(400, "GraphMethodException", 100, "API calls from the server require an appsecret_proof argument");
        }
        if (!MessageDigest.isEqual(proof.getBytes(StandardCharsets.UTF_8),
                hmacSha256Hex(appSecret, token).getBytes(StandardCharsets.UTF_8))) {
            return error(400, "GraphMethodException", 100, "Invalid appsecret_proof provided in the API argument");
        }
        return null;
    }

    /**
     * Expired Marketing API versions answer code 2635 ("(#2635) You are calling a deprecated version of the Ads API.
     * Please update to the latest version"), quoted in https://github.com/fbsamples/marketing-api-samples/issues/3 and
     * https://github.com/facebook/facebook-nodejs-business-sdk/issues/239 ; expiry dates from the version table above.
     */
    private SandboxResponse refuseVersion(String path) {
        Matcher v = VERSION.matcher(path);
        if (!v.matches()) return error(400, "GraphMethodException", 100, "Unsupported request");
        int major = Integer.parseInt(v.group(1));
        LocalDate expires = major < 22 ? LocalDate.of(2000, 1, 1) : EXPIRES.get(major);
        if (expires != null && !LocalDate.now(clock).isBefore(expires)) {
            return error(400, "OAuthException", 2635, "(#2635) You are calling a deprecated version of the Ads API."
                    + " Please update to the latest version: " + LATEST + ".");
        }
        return null;
    }

    static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * GET /{custom_audience_id} (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/). An id
     * that does not exist answers Graph's generic "Unsupported get request" (code 100, subcode 33); Meta documents that
     * shape in https://developers.facebook.com/docs/graph-api/guides/error-handling/ , not per endpoint. The
     * reference's {@code approximate_count_lower_bound} and {@code approximate_count_upper_bound} are answered when
     * asked for in {@code fields}; Meta does not document how it approximates, so the sandbox answers the number of
     * people it holds for both.
     */
    private SandboxResponse readAudience(String id, Map<String, String> params) {
        audienceQueries.add("id " + id);
        ObjectNode a = audiences.get(id);
        if (a == null) return missing(id);
        ObjectNode answer = JSON.createObjectNode().put("id", id).put("name", a.path("name").asText());
        Set<String> fields = Set.copyOf(List.of(params.getOrDefault("fields", "").split(",")));
        if (fields.contains("subtype")) answer.put("subtype", a.path("subtype").asText());
        // the reference's approximate_count_lower_bound / _upper_bound (approximate_count is gone); Meta reports a
        // range, the sandbox the exact number of people as both bounds
        if (fields.contains("approximate_count_lower_bound")) answer.put("approximate_count_lower_bound", size(id));
        if (fields.contains("approximate_count_upper_bound")) answer.put("approximate_count_upper_bound", size(id));
        if (fields.contains("lookalike_spec") && a.has("lookalike_spec")) answer.set("lookalike_spec", a.get("lookalike_spec"));
        return json(200, answer);
    }

    private long size(String audienceId) {
        return people.getOrDefault(audienceId, List.of()).size();
    }

    /**
     * GET /act_{id}/customaudiences with {@code filtering} on name, EQUAL or CONTAIN
     * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/customaudiences/), cursor-paged.
     */
    private SandboxResponse listAudiences(SandboxRequest request, Map<String, String> params) throws IOException {
        int limit = Integer.parseInt(params.getOrDefault("limit", "25"));
        int after = Integer.parseInt(params.getOrDefault("after", "0"));
        String filtering = params.get("filtering");
        audienceQueries.add("list " + (filtering == null ? "" : filtering));
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode a : audiences.values()) {
            if (matches(a, filtering == null ? null : JSON.readTree(filtering))) all.add(a);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = after; i < Math.min(all.size(), after + limit); i++) {
            data.addObject().put("id", all.get(i).path("id").asText()).put("name", all.get(i).path("name").asText())
                    .put("subtype", all.get(i).path("subtype").asText());
        }
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", Integer.toString(after)).put("after", Integer.toString(after + limit));
        if (after + limit < all.size()) {
            StringBuilder next = new StringBuilder("http://" + request.header("host").orElse("127.0.0.1") + request.path()
                    + "?access_token=" + enc(params.get("access_token")) + "&fields=name&limit=" + limit
                    + "&after=" + (after + limit));
            if (filtering != null) next.append("&filtering=").append(enc(filtering));
            paging.put("next", next.toString());
        }
        return json(200, answer);
    }

    private static boolean matches(ObjectNode audience, JsonNode filtering) {
        if (filtering == null) return true;
        for (JsonNode f : filtering) {
            if (!f.path("field").asText().equals("name")) continue;
            String name = audience.path("name").asText();
            String value = f.path("value").asText();
            boolean ok = switch (f.path("operator").asText()) {
                case "EQUAL" -> name.equals(value);
                case "CONTAIN" -> name.contains(value);
                default -> throw new IllegalArgumentException("operator");
            };
            if (!ok) return false;
        }
        return true;
    }

    /**
     * POST /act_{id}/customaudiences: a customer-list audience needs name, subtype CUSTOM and customer_file_source
     * (https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#create). The exact error
     * text for a missing field is not documented; the sandbox answers Graph's generic code 100.
     */
    private SandboxResponse createAudience(Map<String, String> params) throws IOException {
        String name = params.get("name");
        if (name == null || name.isBlank()) return error(400, "OAuthException", 100, "Invalid parameter: name is required");
        if ("LOOKALIKE".equals(params.get("subtype"))) return createLookalike(name, params);
        if (!"CUSTOM".equals(params.get("subtype"))) return error(400, "OAuthException", 100, "Invalid parameter: subtype");
        if (params.get("customer_file_source") == null) {
            return error(400, "OAuthException", 100, "Invalid parameter: customer_file_source is required");
        }
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode a = JSON.createObjectNode().put("id", id).put("name", name).put("subtype", params.get("subtype"))
                .put("description", params.getOrDefault("description", ""))
                .put("customer_file_source", params.get("customer_file_source"));
        audiences.put(id, a);
        return json(200, JSON.createObjectNode().put("id", id));
    }

    /**
     * POST /act_{id}/customaudiences with subtype LOOKALIKE, following
     * https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/guides/lookalike-audiences :
     * origin_audience_id required ("Origin audiences must have at least 100 members"); lookalike_spec.ratio "0.01-0.20
     * incremented by 0.01" (or a type); lookalike_spec.country or location_spec.geo_locations.countries. A source
     * below the minimum answers "Source Audience is Too Small" (the title quoted in
     * https://github.com/facebook/facebook-php-business-sdk/issues/158 ; Meta prints no code for it, so Graph's generic
     * code 100); a second lookalike with the same source, countries and ratio answers code 2654 subcode 1713007 "Can't
     * Create a Duplicate Lookalike", quoted in https://github.com/facebook/facebook-php-business-sdk/issues/477 .
     */
    private SandboxResponse createLookalike(String name, Map<String, String> params) throws IOException {
        String origin = params.get("origin_audience_id");
        if (origin == null || !audiences.containsKey(origin)) {
            return error(400, "OAuthException", 100, "Invalid parameter: origin_audience_id");
        }
        JsonNode spec = JSON.readTree(params.getOrDefault("lookalike_spec", "{}"));
        JsonNode ratio = spec.path("ratio");
        if (ratio.isMissingNode() && !spec.has("type")) {
            return error(400, "OAuthException", 100, "Invalid parameter: lookalike_spec needs ratio or type");
        }
        if (!ratio.isMissingNode()) {
            double r = ratio.asDouble(-1);
            if (r < 0.01 - 1e-9 || r > 0.20 + 1e-9 || Math.abs(r * 100 - Math.rint(r * 100)) > 1e-6) {
                return error(400, "OAuthException", 100, "Invalid parameter: lookalike_spec.ratio must be 0.01-0.20"
                        + " incremented by 0.01");
            }
        }
        List<String> countries = new ArrayList<>();
        if (spec.path("country").isTextual()) countries.add(spec.path("country").asText());
        spec.path("location_spec").path("geo_locations").path("countries").forEach(c -> countries.add(c.asText()));
        if (countries.isEmpty() || countries.stream().anyMatch(c -> !Set.of(java.util.Locale.getISOCountries()).contains(c))) {
            return error(400, "OAuthException", 100, "Invalid parameter: lookalike_spec needs country or"
                    + " location_spec.geo_locations.countries with ISO 3166-1 alpha-2 codes");
        }
        if (size(origin) < LOOKALIKE_MIN_SOURCE) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("error").put("message", "Invalid parameter").put("type", "OAuthException").put("code", 100)
                    .put("error_user_title", "Source Audience is Too Small")
                    .put("error_user_msg", "Your source audience must have at least " + LOOKALIKE_MIN_SOURCE
                            + " people from a single country.").put("fbtrace_id", "sandbox");
            return json(400, answer);
        }
        String key = origin + "|" + String.join(",", countries) + "|" + ratio.asText(spec.path("type").asText());
        for (ObjectNode a : audiences.values()) {
            if (key.equals(a.path("lookalike_key").asText())) {
                return error(400, "OAuthException", 2654, "(#2654) Can\u2019t Create a Duplicate Lookalike: You've"
                        + " already created a lookalike audience with the same source, country and size. Please try"
                        + " using a different source or different specifications.");
            }
        }
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode a = JSON.createObjectNode().put("id", id).put("name", name).put("subtype", "LOOKALIKE")
                .put("origin_audience_id", origin).put("lookalike_key", key);
        a.set("lookalike_spec", spec);
        audiences.put(id, a);
        lookalikesCreated++;
        return json(200, JSON.createObjectNode().put("id", id));
    }

    /**
     * POST/DELETE /{id}/users and POST /{id}/usersreplace
     * (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/ and .../usersreplace/):
     * payload {schema, data} with at most 10,000 rows; a multi-key schema carries is_raw true (the multi-key guide
     * https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#multi-key and the Business
     * SDKs' CustomAudience helpers send it); session {session_id, batch_seq, last_batch_flag, estimated_num_total},
     * required for usersreplace, whose last batch replaces the audience. Meta does not print the error text for a
     * missing field or an oversized payload; the sandbox answers Graph's generic code 100 "Invalid parameter".
     * A flagged audience (operation_status 471) answers code 100 subcode 1713230, as the users reference shows.
     */
    private SandboxResponse upload(String audienceId, String edge, String method, Map<String, String> params)
            throws IOException {
        if (!audiences.containsKey(audienceId)) return missing(audienceId);
        boolean replace = edge.equals("usersreplace");
        if (replace && !method.equals("POST") || !replace && !method.equals("POST") && !method.equals("DELETE")) {
            return error(400, "GraphMethodException", 100, "Unsupported request");
        }
        if (flagged.contains(audienceId)) return flaggedError();
        JsonNode payload = JSON.readTree(params.getOrDefault("payload", "{}"));
        List<String> schema = new ArrayList<>();
        if (payload.path("schema").isTextual()) schema.add(payload.path("schema").asText());
        payload.path("schema").forEach(s -> schema.add(s.asText()));
        JsonNode data = payload.path("data");
        if (schema.isEmpty()) return error(400, "OAuthException", 100, "Invalid parameter: schema");
        if (schema.size() > 1 && !payload.path("is_raw").asBoolean(false)) {
            return error(400, "OAuthException", 100, "Invalid parameter: is_raw must be true for a multi-key schema");
        }
        if (!data.isArray() || data.isEmpty() && !params.containsKey("session")) {
            return error(400, "OAuthException", 100, "Invalid parameter: data");
        }
        if (data.size() > MAX_ROWS) return error(400, "OAuthException", 100, "Invalid parameter: at most 10000 rows");
        JsonNode session = params.containsKey("session") ? JSON.readTree(params.get("session")) : null;
        if (replace && session == null) return error(400, "OAuthException", 100, "Invalid parameter: session is required");
        if (session != null && (!session.path("session_id").canConvertToLong() || session.path("session_id").asLong() == 0
                || !session.path("batch_seq").canConvertToInt() || !session.path("last_batch_flag").isBoolean())) {
            return error(400, "OAuthException", 100,
                    "Invalid parameter: session needs session_id, batch_seq and last_batch_flag");
        }
        long sessionId = session == null ? 0 : session.path("session_id").asLong();
        if (session != null) {
            sessionLog.add(edge + " " + sessionId + " " + session.path("batch_seq").asInt() + " "
                    + session.path("last_batch_flag").asBoolean() + " " + session.path("estimated_num_total").asLong());
        }
        List<Set<String>> target = replace
                ? replacing.computeIfAbsent(sessionId, s -> new ArrayList<>())
                : people.computeIfAbsent(audienceId, a -> new ArrayList<>());
        ObjectNode samples = JSON.createObjectNode();
        int invalid = 0;
        for (JsonNode row : data) {
            rowsReceived++;
            JsonNode cells = row.isArray() ? row : JSON.createArrayNode().add(row);
            String problem = cells.size() != schema.size() ? "row length does not match the schema" : null;
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; problem == null && i < schema.size(); i++) {
                String key = schema.get(i);
                String value = cells.get(i).asText("");
                if (value.isEmpty()) continue;
                if (!PLAIN_KEYS.contains(key) && !SHA256.matcher(value).matches()) {
                    unhashedValues++;
                    problem = key + " is not SHA-256 hashed";
                } else if (refusedHashes.contains(value)) {
                    problem = key + " is invalid";
                    samples.put(value, problem);
                } else if (STANDALONE_KEYS.contains(key)) {
                    keys.add(key + ":" + value);
                }
            }
            if (problem != null || keys.isEmpty()) {
                invalid++;
                continue;
            }
            if (method.equals("DELETE")) removePerson(target, keys);
            else addPerson(target, keys);
        }
        if (replace && session.path("last_batch_flag").asBoolean(false)) {
            people.put(audienceId, replacing.remove(sessionId));
        }
        // the users reference's answer: audience_id, session_id, num_received, num_invalid_entries and
        // invalid_entry_samples (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/);
        // a row is an invalid entry when a hashed column is not a SHA-256 hex digest (64 hex characters), when it
        // carries a hash Meta refuses, or when it has no key Meta matches on
        ObjectNode answer = JSON.createObjectNode().put("audience_id", audienceId).put("session_id", sessionId)
                .put("num_received", data.size()).put("num_invalid_entries", invalid);
        answer.set("invalid_entry_samples", samples);
        return json(200, answer);
    }

    // Meta matches uploaded rows to its users and does not say how rows relate to each other; the sandbox treats rows
    // that share any standalone key (email, phone, external id, MADID) as one person.
    private static void addPerson(List<Set<String>> audience, Set<String> keys) {
        for (Set<String> person : audience) {
            if (person.stream().anyMatch(keys::contains)) {
                person.addAll(keys);
                return;
            }
        }
        audience.add(new LinkedHashSet<>(keys));
    }

    private static void removePerson(List<Set<String>> audience, Set<String> keys) {
        for (Iterator<Set<String>> it = audience.iterator(); it.hasNext(); ) {
            if (it.next().stream().anyMatch(keys::contains)) it.remove();
        }
    }

    private static SandboxResponse missing(String id) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("message", "Unsupported get request. Object with ID '" + id + "' does not exist,"
                        + " cannot be loaded due to missing permissions, or does not support this operation. Please read"
                        + " the Graph API documentation at https://developers.facebook.com/docs/graph-api")
                .put("type", "GraphMethodException").put("code", 100).put("error_subcode", 33)
                .put("fbtrace_id", "sandbox");
        return json(400, answer);
    }

    /** The users reference's example answer for a flagged audience; it shows no {@code type}, so Graph's usual one. */
    private static SandboxResponse flaggedError() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("message", "Invalid parameter").put("type", "OAuthException").put("code", 100)
                .put("error_subcode", 1713230).put("error_user_title", "Audience Upload Blocked")
                .put("error_user_msg", "Before updating user memberships, you must resolve integrity restrictions on"
                        + " this Data File Custom Audience. Go to Audience Manager to appeal the restrictions or create"
                        + " a new audience with updated data").put("fbtrace_id", "sandbox");
        return json(400, answer);
    }

    /**
     * Meta's throttle: code 80003 for custom audience calls with the x-business-use-case-usage header's
     * estimated_time_to_regain_access in minutes (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
     */
    @Override
    public SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        String usage = "{\"1234567890\":[{\"type\":\"custom_audience\",\"call_count\":100,\"total_cputime\":25,"
                + "\"total_time\":25,\"estimated_time_to_regain_access\":" + minutes + "}]}";
        return error(400, "OAuthException", 80003,
                "There have been too many calls for this ad account. Please wait a bit and try again.")
                .withHeader("x-business-use-case-usage", usage);
    }

    /** Code 2 "unexpected error", is_transient true (https://developers.facebook.com/docs/graph-api/guides/error-handling/). */
    @Override
    public SandboxResponse serverError() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("message", "An unexpected error has occurred. Please retry your request later.")
                .put("type", "OAuthException").put("is_transient", true).put("code", 2).put("fbtrace_id", "sandbox");
        return json(500, answer);
    }

    private static Map<String, String> bodyParams(SandboxRequest request) {
        Map<String, String> params = new HashMap<>();
        String body = request.body();
        if (body.isEmpty()) return params;
        String type = request.header("content-type").orElse("");
        int b = type.indexOf("boundary=");
        if (type.startsWith("multipart/form-data") && b > 0) {
            String boundary = "--" + type.substring(b + "boundary=".length()).trim();
            for (String part : body.split(Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                if (split < 0) continue;
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(part.substring(0, split));
                if (!name.find()) continue;
                String value = part.substring(split + 4);
                if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
                params.put(name.group(1), value);
            }
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static SandboxResponse error(int status, String type, int code, String message) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("message", message).put("type", type).put("code", code)
                .put("fbtrace_id", "sandbox");
        return json(status, answer);
    }

    private static SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json"), body.toString());
    }
}
