package io.seglift.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * One request as a {@link SandboxApi} sees it.
 *
 * @param method  HTTP method, upper case
 * @param path    path without the query, e.g. {@code /crm/v3/lists}
 * @param query   query parameters (first value of each)
 * @param headers request headers, names lower case
 * @param body    body text, empty when none
 */
public record SandboxRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                             String body) {
    public SandboxRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
