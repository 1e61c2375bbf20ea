package io.seglift.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates between WireMock and the vendor-neutral sandbox types: a WireMock request into a {@link SandboxRequest}
 * (path, first value of each query parameter and header, lower-cased header names, body as UTF-8) and a
 * {@link SandboxResponse} into a WireMock response definition. Shared by every server that serves a {@link SandboxApi}.
 */
public final class WireMockExchange {
    private WireMockExchange() {
    }

    /** The request as a sandbox API sees it. */
    public static SandboxRequest request(Request raw) {
        URI uri = URI.create(raw.getUrl());
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(k, v);
            }
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader h : raw.getHeaders().all()) headers.put(h.key().toLowerCase(java.util.Locale.ROOT), h.firstValue());
        String body = raw.getBody() == null ? "" : new String(raw.getBody(), StandardCharsets.UTF_8);
        return new SandboxRequest(raw.getMethod().getName(), uri.getRawPath(), query, headers, body);
    }

    /** The sandbox's answer as WireMock serves it, after {@code delayMillis} when positive. */
    public static ResponseDefinition response(SandboxResponse r, long delayMillis) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(r.status()).withBody(r.body());
        r.headers().forEach(b::withHeader);
        if (delayMillis > 0) b.withFixedDelay((int) delayMillis);
        return b.build();
    }
}
