package io.seglift.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer from a {@link SandboxApi}.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    body text
 */
public record SandboxResponse(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SandboxResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A JSON answer rendered from maps, lists and scalars. */
    public static SandboxResponse json(int status, Object value) {
        try {
            return new SandboxResponse(status, Map.of("Content-Type", "application/json;charset=utf-8"),
                    JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot render sandbox response: " + e.getMessage(), e);
        }
    }

    public static SandboxResponse empty(int status) {
        return new SandboxResponse(status, Map.of(), "");
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SandboxResponse(status, h, body);
    }

    /** The shared mapper, for APIs that parse request bodies. */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
