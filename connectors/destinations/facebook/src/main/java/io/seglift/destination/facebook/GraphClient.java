package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.toolkit.http.HttpSender;
import io.seglift.toolkit.http.RetryAfter;
import io.seglift.toolkit.http.StatusPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Graph API calls over the engine's HTTP client, and Meta's error mapping. Every Graph call of the connector goes
 * through here: the Business SDK's requests via {@link SdkRequestExecutor}, and the user uploads directly, because the
 * SDK sends DELETE parameters in the URL (10,000 hashed rows do not fit in one) and does not surface the
 * {@code x-business-use-case-usage} header that says how long a throttle lasts.
 */
public final class GraphClient {
    static final String USAGE_HEADER = "x-business-use-case-usage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 613, 80003, 80004, 32);
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
    /** https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users (audience flagged, 471). */
    static final int FLAGGED_CODE = 100;
    static final int FLAGGED_SUBCODE = 1713230;
    /** Calls to an expired Marketing API version: "(#2635) You are calling a deprecated version of the Ads API". */
    static final int VERSION_CODE = 2635;
    /** "Unsupported get request. Object with ID ... does not exist" (code 100, subcode 33). */
    static final int MISSING_OBJECT_SUBCODE = 33;
    static final String NOT_FOUND = "NOT_FOUND";

    private final FacebookOptions options;
    private final HttpSender sender;
    private final StatusPolicy policy;

    public GraphClient(FacebookOptions options, DestinationContext context) {
        this.options = options;
        this.sender = new HttpSender(context.httpClient(), context.requestTimeout(), "Graph API");
        this.policy = new StatusPolicy("Meta", tokenAdvice(options), permissionAdvice(options));
    }

    private static String tokenAdvice(FacebookOptions options) {
        return "generate a new system-user token in Business Manager with the ads_management permission for "
                + options.adAccountId() + " and set access_token to it";
    }

    private static String permissionAdvice(FacebookOptions options) {
        return "give the system user ads_management on " + options.adAccountId()
                + " and accept the Custom Audiences terms";
    }

    /**
     * One answered call.
     *
     * @param body  response body
     * @param usage the {@code x-business-use-case-usage} header, or empty
     */
    public record Answer(String body, String usage) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new RetriableDestinationException("BAD_RESPONSE", "Graph API answered 2xx with a body that is not JSON",
                        null, e);
            }
        }
    }

    /** Calls {@code <base>/<version>/<path>}; see {@link #send(String, String, Map)}. */
    public Answer call(String method, String path, Map<String, String> params) {
        return send(method, options.baseUrl() + "/" + options.apiVersion() + "/" + path, params);
    }

    /**
     * Sends {@code params} (plus the access token) as the query for GET, as a form body otherwise; throws the mapped
     * exception on failure.
     */
    public Answer send(String method, String url, Map<String, String> params) {
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.putIfAbsent("access_token", options.accessToken().reveal());
        options.appSecret().ifPresent(s -> all.put("appsecret_proof",
                appSecretProof(s.reveal(), options.accessToken().reveal())));
        String form = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b;
        if (method.equals("GET")) {
            b = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + form)).GET();
        } else {
            b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        String endpoint = endpoint(url);
        HttpResponse<String> response = sender.send(b, method + " " + endpoint);
        String usage = response.headers().firstValue(USAGE_HEADER).orElse("");
        if (response.statusCode() / 100 == 2) return new Answer(response.body(), usage);
        throw failure(method + " " + endpoint, response.statusCode(), response.body(), usage,
                response.headers().firstValue("Retry-After"));
    }

    /**
     * Meta's {@code appsecret_proof}: the lowercase hex HMAC-SHA256 of the access token, keyed with the app secret
     * (https://developers.facebook.com/docs/graph-api/securing-requests/#appsecret_proof). The SDK's
     * {@code APIContext.sha256(secret, message)} takes the key first; the connector computes the proof itself so the
     * order is stated once, here.
     */
    static String appSecretProof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    RuntimeException failure(String what, int status, String body, String usage, Optional<String> retryAfterHeader) {
        JsonNode error = parse(body).path("error");
        int code = error.path("code").asInt(-1);
        String type = error.path("type").asText("unknown");
        if (status == 429 || THROTTLE_CODES.contains(code)) {
            Duration wait = regainAccess(usage).or(() -> retryAfterHeader.flatMap(RetryAfter::parse)).orElse(null);
            return new RetriableDestinationException(code > 0 ? Integer.toString(code) : "429",
                    "Meta is throttling " + what + " (code " + code + ")" + (wait == null ? "" : "; access returns in " + wait),
                    wait);
        }
        if (code == 190 || status == 401) {
            return new DestinationException("TOKEN", "Meta rejected the access token " + options.accessToken().masked()
                    + " (code 190: invalid or expired): " + tokenAdvice(options));
        }
        if (code == 200 || code == 10 || code == 294 || status == 403) {
            return new DestinationException("PERMISSION", "the access token " + options.accessToken().masked()
                    + " lacks permission for " + what + " (code " + code + "): " + permissionAdvice(options));
        }
        int subcode = error.path("error_subcode").asInt(-1);
        if (code == FLAGGED_CODE && subcode == FLAGGED_SUBCODE) {
            return new DestinationException("AUDIENCE_FLAGGED", "Meta blocked " + what + ": it flagged this customer-list"
                    + " audience under its advertising policies (for example a name or list that suggests health or"
                    + " financial details) and accepts no member changes until that is resolved. In Meta Ads Manager,"
                    + " open Audiences, select the audience and request a review of the restriction; or rename the"
                    + " sync's audience in the project file so Seglift creates a new one. Nothing was changed in it.");
        }
        if (code == 100 && subcode == MISSING_OBJECT_SUBCODE) {
            return new DestinationException(NOT_FOUND, "Graph API has no object for " + what
                    + " (code 100 subcode 33: it does not exist or the token cannot see it)");
        }
        if (code == VERSION_CODE) {
            return new DestinationException("API_VERSION", "Meta no longer serves Graph API " + options.apiVersion()
                    + " for " + what + " (code 2635, deprecated version): set api_version to a version Meta supports,"
                    + " e.g. " + FacebookDestinationFactory.DEFAULT_VERSION
                    + " (https://developers.facebook.com/docs/graph-api/changelog/versions/)");
        }
        if (code == 100 && error.path("message").asText("").contains("appsecret_proof")) {
            return new DestinationException("APP_SECRET", "Meta rejected the appsecret_proof of " + what
                    + ": set app_secret to the secret of the app that issued the access token (App Dashboard,"
                    + " Settings > Basic), or remove app_secret if the app does not require it");
        }
        Duration wait = retryAfterHeader.flatMap(RetryAfter::parse).orElse(null);
        Optional<DestinationException> mapped = policy.failure(status, what + " (code " + code + ")", wait);
        if (mapped.isPresent()) return mapped.get();
        if (TRANSIENT_CODES.contains(code) || error.path("is_transient").asBoolean(false)) {
            return policy.retriable(status, what + " (transient code " + code + ")", wait);
        }
        String message = error.path("message").asText("");
        return new DestinationException(Integer.toString(code), "Graph API refused " + what + ": " + type
                + " code " + code + " subcode " + error.path("error_subcode").asText("none") + " (HTTP " + status + ")"
                + (message.isBlank() ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) : message)));
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) in the business use case usage header. */
    static Optional<Duration> regainAccess(String usage) {
        if (usage == null || usage.isBlank()) return Optional.empty();
        long minutes = 0;
        for (JsonNode perBusiness : parse(usage)) {
            for (JsonNode entry : perBusiness) {
                minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
            }
        }
        return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String endpoint(String url) {
        String path = URI.create(url).getPath();
        return path.replaceAll("/\\d{6,}(?=/|$)", "/{id}");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
