package io.seglift.serve;

import com.sun.net.httpserver.Headers;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a request passes before a handler sees it. Against a web page open in the operator's browser: on a
 * loopback address the {@code Host} must be a local name on the bound port (DNS rebinding); an {@code Origin}, when
 * sent, must be this server (cross-site requests); a POST must carry {@code Content-Type: application/json}, which a
 * page cannot send cross-site without a CORS preflight that this server never grants (CSRF). Against other machines,
 * when a token is set: {@code Authorization: Bearer TOKEN} (RFC 6750), compared in constant time.
 */
final class RequestGuard {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer(?-i)(?: +(.*))?");
    private static final String REALM = "Bearer realm=\"seglift\"";

    private final Set<String> hosts;
    private final int port;
    private final boolean checkHost;
    private final Optional<BearerToken> token;

    RequestGuard(HttpSettings settings, int port) {
        this.hosts = union(LOCAL_HOSTS, settings.extraHosts());
        this.port = port;
        this.checkHost = settings.checksHost();
        this.token = settings.token();
    }

    /** The error to answer instead of handling any request, or empty when the request may proceed. */
    Optional<HttpError> check(Headers headers) {
        List<String> hostHeaders = headers.get("Host");
        if (hostHeaders == null || hostHeaders.size() != 1 || hostHeaders.get(0).isBlank()) {
            return Optional.of(new HttpError(400, "a request must carry exactly one Host header"));
        }
        String host = hostHeaders.get(0).trim().toLowerCase(Locale.ROOT);
        if (checkHost && !allowedAuthority(host)) {
            return Optional.of(new HttpError(421, "Host must be localhost, 127.0.0.1 or [::1] on port " + port
                    + " (serve --allow-host NAME accepts another name)"));
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !allowedOrigin(origin, host)) {
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

    /**
     * The error to answer instead of a request to a protected endpoint, or empty when no token is set or the request
     * carries it. Answers follow RFC 6750 section 3: 401 with a bare challenge when no bearer token is sent, 400
     * {@code invalid_request} when the header is malformed, 401 {@code invalid_token} when the token is wrong.
     */
    Optional<HttpError> checkToken(Headers headers) {
        if (token.isEmpty()) return Optional.empty();
        List<String> values = headers.get("Authorization");
        if (values == null || values.isEmpty()) {
            return Optional.of(new HttpError(401, "this endpoint requires the header Authorization: Bearer TOKEN",
                    Map.of("WWW-Authenticate", REALM)));
        }
        if (values.size() > 1) return Optional.of(invalidRequest("send one Authorization header"));
        Matcher m = BEARER.matcher(values.get(0).trim());
        if (!m.matches()) {
            return Optional.of(new HttpError(401, "this endpoint requires the header Authorization: Bearer TOKEN"
                    + " (another scheme was sent)", Map.of("WWW-Authenticate", REALM)));
        }
        String presented = m.group(1) == null ? "" : m.group(1).trim();
        if (!BearerToken.wellFormed(presented)) {
            return Optional.of(invalidRequest("the Authorization header must be Bearer followed by one token"));
        }
        if (!token.get().matches(presented)) {
            return Optional.of(new HttpError(401, "the bearer token is not valid", Map.of("WWW-Authenticate",
                    REALM + ", error=\"invalid_token\", error_description=\"the token is not valid\"")));
        }
        return Optional.empty();
    }

    private static HttpError invalidRequest(String why) {
        return new HttpError(400, why, Map.of("WWW-Authenticate", REALM + ", error=\"invalid_request\""));
    }

    private boolean allowedAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        String name = authority;
        if (colon > authority.lastIndexOf(']')) {
            name = authority.substring(0, colon);
            if (!authority.substring(colon + 1).equals(Integer.toString(port))) return false;
        }
        return hosts.contains(name);
    }

    /** Same origin: on a loopback address, this server's; beyond it, the scheme http and the request's own Host. */
    private boolean allowedOrigin(String origin, String host) {
        try {
            URI u = URI.create(origin.trim());
            if (!"http".equals(u.getScheme()) || u.getRawAuthority() == null) return false;
            String authority = u.getRawAuthority().toLowerCase(Locale.ROOT);
            if (!checkHost) return authority.equals(host);
            return u.getPort() == port && allowedAuthority(authority);
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
