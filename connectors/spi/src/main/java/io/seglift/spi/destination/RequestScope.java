package io.seglift.spi.destination;

import java.util.Locale;
import java.util.Objects;

/**
 * Which HTTP requests a {@link RateLimit} counts: a method (or any) and a path prefix in which {@code *} stands for
 * one path segment, e.g. {@code POST /api/lists/*}{@code /relationships}. The prefix is matched at segment boundaries
 * against the request's path, after any base path the destination's {@code base_url} adds.
 *
 * @param method     upper-case HTTP method, or {@code null} for any
 * @param pathPrefix path prefix starting with {@code /}; {@code /} matches every path
 */
public record RequestScope(String method, String pathPrefix) {
    /** Every request. */
    public static final RequestScope ALL = new RequestScope(null, "/");

    public RequestScope {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!pathPrefix.startsWith("/")) throw new IllegalArgumentException("path prefix must start with /: " + pathPrefix);
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** Requests of {@code method} whose path starts with {@code pathPrefix}. */
    public static RequestScope of(String method, String pathPrefix) {
        return new RequestScope(method, pathPrefix);
    }

    /** Requests of any method whose path starts with {@code pathPrefix}. */
    public static RequestScope path(String pathPrefix) {
        return new RequestScope(null, pathPrefix);
    }

    /** Whether this scope counts every request. */
    public boolean all() {
        return method == null && pathPrefix.equals("/");
    }

    /** Whether a request of {@code requestMethod} to {@code path} falls in this scope. */
    public boolean matches(String requestMethod, String path) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) return false;
        if (pathPrefix.equals("/")) return true;
        String[] want = pathPrefix.substring(1).split("/");
        String[] have = (path == null || path.isEmpty() ? "/" : path).substring(1).split("/");
        for (int offset = 0; offset + want.length <= have.length; offset++) {
            if (matchesAt(want, have, offset)) return true;
        }
        return false;
    }

    private static boolean matchesAt(String[] want, String[] have, int offset) {
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[offset + i])) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return all() ? "all requests" : (method == null ? "" : method + " ") + pathPrefix;
    }
}
