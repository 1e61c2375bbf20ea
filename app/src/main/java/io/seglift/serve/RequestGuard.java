package io.seglift.serve;

import com.sun.net.httpserver.Headers;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every request passes before a handler sees it, so that a web page open in the operator's browser cannot
 * use the endpoint: the {@code Host} must be a local name on the bound port (DNS rebinding), an {@code Origin}, when
 * sent, must be this server (cross-site requests), and a POST must carry {@code Content-Type: application/json}, which
 * a page cannot send cross-site without a CORS preflight that this server never grants (CSRF).
 */
final class RequestGuard {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts;
    private final int port;

    RequestGuard(Set<String> extraHosts, int port) {
        this.hosts = union(LOCAL_HOSTS, extraHosts);
        this.port = port;
    }

    /** The error to answer instead of handling any request, or empty when the request may proceed. */
    Optional<HttpError> check(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !allowedAuthority(host)) {
            return Optional.of(new HttpError(421, "Host must be localhost, 127.0.0.1 or [::1] on port " + port
                    + " (serve --allow-host NAME accepts another name)"));
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !allowedOrigin(origin)) {
            return Optional.of(new HttpError(403, "cross-origin requests are refused (Origin must be this server)"));
        }
        return Optional.empty();
    }

    /** The error to answer instead of a POST that changes something, or empty when it may proceed. */
    Optional<HttpError> checkPost(Headers headers) {
        if (!isJson(headers.getFirst("Content-Type"))) {
            return Optional.of(new HttpError(415, "POST requires the header Content-Type: application/json"));
        }
        return Optional.empty();
    }

    private boolean allowedAuthority(String authority) {
        String a = authority.trim().toLowerCase(Locale.ROOT);
        int colon = a.lastIndexOf(':');
        String name = a;
        if (colon > a.lastIndexOf(']')) {
            name = a.substring(0, colon);
            if (!a.substring(colon + 1).equals(Integer.toString(port))) return false;
        }
        return hosts.contains(name);
    }

    private boolean allowedOrigin(String origin) {
        try {
            URI u = URI.create(origin.trim());
            if (!"http".equals(u.getScheme()) || u.getRawAuthority() == null) return false;
            return u.getPort() == port && allowedAuthority(u.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
