package io.seglift.destination.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.APIException;
import com.facebook.ads.sdk.APIRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the Business SDK's requests through {@link GraphClient} for {@link GraphApiContext}s and through the SDK's own
 * executor for any other context. The SDK's default executor casts every connection to {@code HttpsURLConnection}, so
 * it cannot reach an {@code http://} sandbox, and it uses neither the engine's client nor its timeouts; the SDK only
 * lets an executor be installed globally, which is why this one delegates for contexts it does not own.
 */
final class SdkRequestExecutor implements APIRequest.IRequestExecutor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SdkRequestExecutor INSTANCE = new SdkRequestExecutor();
    private final APIRequest.IRequestExecutor fallback = new APIRequest.DefaultRequestExecutor();

    static synchronized void install() {
        if (APIRequest.getExecutor() != INSTANCE) APIRequest.changeRequestExecutor(INSTANCE);
    }

    @Override
    public APIRequest.ResponseWrapper execute(String method, String apiUrl, Map<String, Object> params, APIContext context)
            throws APIException, IOException {
        return switch (method) {
            case "GET" -> sendGet(apiUrl, params, context);
            case "POST" -> sendPost(apiUrl, params, context);
            case "DELETE" -> sendDelete(apiUrl, params, context);
            default -> throw new IllegalArgumentException("unsupported HTTP method " + method);
        };
    }

    @Override
    public APIRequest.ResponseWrapper sendGet(String apiUrl, Map<String, Object> params, APIContext context)
            throws APIException, IOException {
        return context instanceof GraphApiContext g ? send(g, "GET", apiUrl, params) : fallback.sendGet(apiUrl, params, context);
    }

    @Override
    public APIRequest.ResponseWrapper sendPost(String apiUrl, Map<String, Object> params, APIContext context)
            throws APIException, IOException {
        return context instanceof GraphApiContext g ? send(g, "POST", apiUrl, params) : fallback.sendPost(apiUrl, params, context);
    }

    @Override
    public APIRequest.ResponseWrapper sendDelete(String apiUrl, Map<String, Object> params, APIContext context)
            throws APIException, IOException {
        return context instanceof GraphApiContext g ? send(g, "DELETE", apiUrl, params) : fallback.sendDelete(apiUrl, params, context);
    }

    private static APIRequest.ResponseWrapper send(GraphApiContext context, String method, String url,
                                                   Map<String, Object> params) {
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null) text.put(k, asText(v));
        });
        GraphClient.Answer answer = context.client().send(method, url, text);
        return new APIRequest.ResponseWrapper(answer.body(), answer.usage());
    }

    private static String asText(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Number || v instanceof Boolean || v instanceof Enum<?>) return v.toString();
        if (v instanceof com.google.gson.JsonElement e) return e.toString();
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send SDK parameter of type " + v.getClass().getName(), e);
        }
    }
}
