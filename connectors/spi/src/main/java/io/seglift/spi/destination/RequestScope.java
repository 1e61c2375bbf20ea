package io.seglift.spi.destination;

import java.util.Locale;
import java.util.Objects;

/**
 * Which HTTP requests a {@link RateLimit} counts: a method (or any) and a path pattern whose segments match literally,
 * {@code *} matching one segment and {@code **} any number, e.g. {@code POST /api/lists/*}{@code /relationships/**}.
 * The pattern must match the end of the request's path, so a base path in {@code base_url} does not matter.
 *
 * @param method upper-case HTTP method, or {@code null} for any
 * @param path   path pattern starting with {@code /}; {@code /**} matches every path
 */
public record RequestScope(String method, String path) {
    /** Every request. */
    public static final RequestScope ALL = new RequestScope(null, "/**");

    public RequestScope {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) throw new IllegalArgumentException("path pattern must start with /: " + path);
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** Requests of {@code method} whose path matches {@code pattern}. */
    public static RequestScope of(String method, String pattern) {
        return new RequestScope(method, pattern);
    }

    /** Requests of any method whose path matches {@code pattern}. */
    public static RequestScope path(String pattern) {
        return new RequestScope(null, pattern);
    }

    /** Whether this scope counts every request. */
    public boolean all() {
        return method == null && path.equals("/**");
    }

    /** Whether a request of {@code requestMethod} to {@code requestPath} falls in this scope. */
    public boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) return false;
        String[] want = segments(path);
        String[] have = segments(requestPath == null || requestPath.isEmpty() ? "/" : requestPath);
        for (int start = 0; start <= have.length; start++) {
            if (matches(want, 0, have, start)) return true;
        }
        return false;
    }

    private static boolean matches(String[] want, int w, String[] have, int h) {
        if (w == want.length) return h == have.length;
        if (want[w].equals("**")) {
            for (int skip = h; skip <= have.length; skip++) {
                if (matches(want, w + 1, have, skip)) return true;
            }
            return false;
        }
        if (h == have.length) return false;
        return (want[w].equals("*") || want[w].equals(have[h])) && matches(want, w + 1, have, h + 1);
    }

    private static String[] segments(String p) {
        return java.util.Arrays.stream(p.split("/")).filter(x -> !x.isEmpty()).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return all() ? "all requests" : (method == null ? "" : method + " ") + path;
    }
}
