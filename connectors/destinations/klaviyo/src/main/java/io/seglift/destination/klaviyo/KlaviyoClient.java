package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.toolkit.http.HttpSender;
import io.seglift.toolkit.http.StatusPolicy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * JSON:API calls to Klaviyo with the pinned {@code revision}, the {@code Klaviyo-API-Key} header and the error mapping:
 * 429 and 5xx and I/O failures are retriable (with {@code Retry-After}), 401/403 explain which key or scope to fix,
 * other 4xx stop the run with Klaviyo's error title (never its detail, which can echo profile data).
 */
public final class KlaviyoClient {
    /** The API revision every request pins: the revision of the OpenAPI spec the connector is validated against. */
    public static final String REVISION = "2026-07-15";
    static final String JSON_API = "application/vnd.api+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KlaviyoOptions options;
    private final HttpSender sender;
    private final StatusPolicy policy;

    public KlaviyoClient(KlaviyoOptions options, DestinationContext context) {
        this.options = options;
        this.sender = new HttpSender(context.httpClient(), context.requestTimeout(), "Klaviyo");
        this.policy = new StatusPolicy("Klaviyo", "the API key " + options.apiKey().masked() + " is not valid: create a "
                + "private API key in Klaviyo (Settings > API keys) with scopes lists:read, lists:write, profiles:read, "
                + "profiles:write and set api_key to it", "the API key " + options.apiKey().masked()
                + " lacks a scope: give it lists:write and profiles:write");
    }

    /** Sends a request with {@code pathAndQuery} (already encoded) and returns the JSON answer (empty for 204). */
    public JsonNode call(String method, String pathAndQuery, JsonNode body) {
        HttpResponse<String> response = send(method, pathAndQuery, body);
        if (response.statusCode() / 100 == 2) return json(response);
        throw failure(method, pathAndQuery, response);
    }

    /**
     * A {@code GET} of one resource; empty when Klaviyo answers 404 (the resource does not exist, or no longer does).
     * Spec: every {@code GET /api/.../{id}} answers {@code 4XX} with {@code components.responses.ClientError}.
     */
    public Optional<JsonNode> find(String pathAndQuery) {
        HttpResponse<String> response = send("GET", pathAndQuery, null);
        if (response.statusCode() == 404) return Optional.empty();
        if (response.statusCode() / 100 == 2) return Optional.of(json(response));
        throw failure("GET", pathAndQuery, response);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.baseUrl().resolve(pathAndQuery))
                .header("Authorization", "Klaviyo-API-Key " + options.apiKey().reveal())
                .header("revision", REVISION)
                .header("Accept", JSON_API);
        if (body != null) {
            request.header("Content-Type", JSON_API).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return sender.send(request, method + " " + endpoint(pathAndQuery));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RetriableDestinationException("BAD_RESPONSE", "Klaviyo answered " + response.statusCode()
                    + " with a body that is not JSON", null, e);
        }
    }

    private RuntimeException failure(String method, String pathAndQuery, HttpResponse<String> response) {
        String where = method + " " + endpoint(pathAndQuery);
        return policy.failure(response, where).orElseGet(() -> policy.fatal(response.statusCode(), where,
                errorTitle(response.body())));
    }

    private static String errorTitle(String body) {
        try {
            JsonNode first = JSON.readTree(body).path("errors").path(0);
            return first.path("code").asText("error") + " - " + first.path("title").asText("no title");
        } catch (IOException | RuntimeException e) {
            return "no error details";
        }
    }

    private static String endpoint(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
