package io.seglift.toolkit.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A destination's {@code base_url}: http or https only, with a host, no query or fragment, and without trailing
 * slashes, so {@link #resolve} joins paths with exactly one slash whatever the user wrote.
 */
public final class BaseUrl {
    private final URI uri;

    private BaseUrl(URI uri) {
        this.uri = uri;
    }

    /** Parses {@code text}; {@code key} names the setting in the message of an {@link IllegalArgumentException}. */
    public static BaseUrl parse(String key, String text) {
        URI u;
        try {
            u = new URI(text == null ? "" : text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a URL (" + e.getReason()
                    + "); write it as http://host:port or https://host");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(key + ": '" + text + "' must start with http:// or https://");
        }
        if (u.getHost() == null) throw new IllegalArgumentException(key + ": '" + text + "' has no host");
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + text + "' must not have a query or fragment");
        }
        String s = u.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return new BaseUrl(URI.create(s));
    }

    /** {@link #parse} of a URI. */
    public static BaseUrl of(String key, URI uri) {
        return parse(key, uri.toString());
    }

    /** The base joined with {@code pathAndQuery} (already encoded), with exactly one slash between them. */
    public URI resolve(String pathAndQuery) {
        String p = pathAndQuery == null ? "" : pathAndQuery;
        while (p.startsWith("/")) p = p.substring(1);
        return URI.create(uri + (p.isEmpty() ? "" : "/" + p));
    }

    public URI uri() {
        return uri;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
