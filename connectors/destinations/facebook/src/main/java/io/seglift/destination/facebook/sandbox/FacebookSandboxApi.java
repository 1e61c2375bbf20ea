package io.seglift.destination.facebook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * form-urlencoded (the connector's uploads) or multipart (the Business SDK's POSTs).
 */
public final class FacebookSandboxApi implements SandboxApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Set<String> PLAIN_KEYS = Set.of("EXTERN_ID", "MADID");
    private static final Pattern ACCOUNT = Pattern.compile("^/v[\\d.]+/(act_\\d+)(/customaudiences)?/?$");
    private static final Pattern USERS = Pattern.compile("^/v[\\d.]+/(\\d+)/(users|usersreplace)$");

    private final Predicate<String> tokenAccepted;
    private final AtomicLong ids = new AtomicLong(23_850_000_000_000L);
    private final Map<String, ObjectNode> audiences = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<Long, Set<String>> replacing = new HashMap<>();
    private final List<String> sessionLog = new ArrayList<>();
    private final Set<String> refusedHashes = new HashSet<>();
    private long unhashedValues;
    private long rowsReceived;

    /** A sandbox accepting access tokens for which {@code tokenAccepted} is true. */
    public FacebookSandboxApi(Predicate<String> tokenAccepted) {
        this.tokenAccepted = tokenAccepted;
    }

    /** Row identities in the audience: {@code EMAIL:<hash>}, else {@code PHONE:<hash>}, {@code EXTERN_ID:..}, {@code MADID:..}. */
    public synchronized Set<String> members(String audienceId) {
        return Set.copyOf(members.getOrDefault(audienceId, Set.of()));
    }

    /** The audience's fields as stored (name, subtype, description, customer_file_source), or null. */
    public synchronized JsonNode audience(String audienceId) {
        return audiences.get(audienceId);
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
        try {
            Matcher account = ACCOUNT.matcher(request.path());
            if (account.matches() && account.group(2) == null && request.method().equals("GET")) {
                return json(200, JSON.createObjectNode().put("id", account.group(1)).put("name", "Sandbox ad account"));
            }
            if (account.matches() && account.group(2) != null) {
                return request.method().equals("GET") ? listAudiences(request, params) : createAudience(params);
            }
            Matcher users = USERS.matcher(request.path());
            if (users.matches()) return upload(users.group(1), users.group(2), request.method(), params);
        } catch (IOException | RuntimeException e) {
            return error(400, "OAuthException", 100, "Invalid parameter");
        }
        return error(400, "GraphMethodException", 100, "Unsupported request");
    }

    private SandboxResponse listAudiences(SandboxRequest request, Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "25"));
        int after = Integer.parseInt(params.getOrDefault("after", "0"));
        List<ObjectNode> all = new ArrayList<>(audiences.values());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = after; i < Math.min(all.size(), after + limit); i++) {
            data.addObject().put("id", all.get(i).path("id").asText()).put("name", all.get(i).path("name").asText());
        }
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", Integer.toString(after)).put("after", Integer.toString(after + limit));
        if (after + limit < all.size()) {
            paging.put("next", "http://" + request.header("host").orElse("127.0.0.1") + request.path()
                    + "?access_token=" + URLEncoder.encode(params.get("access_token"), StandardCharsets.UTF_8)
                    + "&fields=name&limit=" + limit + "&after=" + (after + limit));
        }
        return json(200, answer);
    }

    private SandboxResponse createAudience(Map<String, String> params) {
        String name = params.get("name");
        if (name == null || name.isBlank()) return error(400, "OAuthException", 100, "Invalid parameter: name is required");
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

    private SandboxResponse upload(String audienceId, String edge, String method, Map<String, String> params)
            throws IOException {
        if (!audiences.containsKey(audienceId)) return error(400, "GraphMethodException", 100, "Unsupported request");
        boolean replace = edge.equals("usersreplace");
        if (replace && !method.equals("POST") || !replace && !method.equals("POST") && !method.equals("DELETE")) {
            return error(400, "GraphMethodException", 100, "Unsupported request");
        }
        JsonNode payload = JSON.readTree(params.getOrDefault("payload", "{}"));
        JsonNode session = JSON.readTree(params.getOrDefault("session", "{}"));
        List<String> schema = new ArrayList<>();
        payload.path("schema").forEach(s -> schema.add(s.asText()));
        JsonNode data = payload.path("data");
        if (schema.isEmpty()) return error(400, "OAuthException", 100, "Invalid parameter: schema");
        if (data.size() > 10_000) return error(400, "OAuthException", 100, "Invalid parameter: at most 10000 rows");
        long sessionId = session.path("session_id").asLong(0);
        if (replace && sessionId == 0) return error(400, "OAuthException", 100, "Invalid parameter: session is required");
        sessionLog.add(edge + " " + sessionId + " " + session.path("batch_seq").asInt() + " "
                + session.path("last_batch_flag").asBoolean() + " " + session.path("estimated_num_total").asLong());
        Set<String> target = replace
                ? replacing.computeIfAbsent(sessionId, s -> new HashSet<>())
                : members.computeIfAbsent(audienceId, a -> new HashSet<>());
        ObjectNode samples = JSON.createObjectNode();
        int invalid = 0;
        for (JsonNode row : data) {
            rowsReceived++;
            String problem = row.size() != schema.size() ? "row length does not match the schema" : null;
            String identity = null;
            for (int i = 0; problem == null && i < schema.size(); i++) {
                String key = schema.get(i);
                String value = row.get(i).asText("");
                if (value.isEmpty()) continue;
                if (!PLAIN_KEYS.contains(key) && !SHA256.matcher(value).matches()) {
                    unhashedValues++;
                    problem = key + " is not SHA-256 hashed";
                } else if (refusedHashes.contains(value)) {
                    problem = key + " is invalid";
                    samples.put(value, problem);
                } else if (identity == null && (key.equals("EMAIL") || key.equals("PHONE") || PLAIN_KEYS.contains(key))) {
                    identity = key + ":" + value;
                }
            }
            if (problem != null || identity == null) {
                invalid++;
                continue;
            }
            if (method.equals("DELETE")) target.remove(identity);
            else target.add(identity);
        }
        if (replace && session.path("last_batch_flag").asBoolean(false)) {
            members.put(audienceId, replacing.remove(sessionId));
        }
        ObjectNode answer = JSON.createObjectNode().put("audience_id", audienceId).put("session_id", sessionId)
                .put("num_received", data.size()).put("num_invalid_entries", invalid);
        answer.set("invalid_entry_samples", samples);
        return json(200, answer);
    }

    @Override
    public SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        String usage = "{\"1234567890\":[{\"type\":\"custom_audience\",\"call_count\":100,\"total_cputime\":25,"
                + "\"total_time\":25,\"estimated_time_to_regain_access\":" + minutes + "}]}";
        return error(400, "OAuthException", 80003,
                "There have been too many calls for this ad account. Please wait a bit and try again.")
                .withHeader("x-business-use-case-usage", usage);
    }

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
