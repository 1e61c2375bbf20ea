package io.seglift.config.read;

import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a connector's block ({@code warehouse:} or {@code destinations.NAME}) against its factory's
 * {@link ConfigSpec}: unknown keys, missing required keys, value types, enum values, and secrets (which must be
 * references). Values become {@link Settings}; absent keys with a default get it.
 */
public final class ConnectorBlock {
    private ConnectorBlock() {
    }

    /**
     * @param reserved keys the block has besides the spec's (e.g. {@code type}, {@code schema}); not put in settings
     */
    public static Optional<Settings> read(YamlMap m, String name, String type, ConfigSpec spec, List<String> reserved) {
        return read(m, name, type, spec, reserved, List.of());
    }

    /**
     * @param reserved   keys the block has besides the spec's (e.g. {@code type}, {@code schema}); not put in settings
     * @param urlSchemes the schemes a {@code URL} value may have (e.g. http, https); empty allows any scheme
     */
    public static Optional<Settings> read(YamlMap m, String name, String type, ConfigSpec spec, List<String> reserved,
                                          List<String> urlSchemes) {
        List<String> allowed = new ArrayList<>(reserved);
        spec.keys().forEach(k -> allowed.add(k.name()));
        m.allow(allowed);
        Map<String, Object> values = new LinkedHashMap<>();
        int before = m.context().problems().count();
        for (ConfigKey key : spec.keys()) {
            Optional<YamlValue> v = m.get(key.name());
            if (v.isEmpty()) {
                if (key.required()) m.missing(key.name(), type + ": " + key.description());
                else if (key.defaultValue() != null) values.put(key.name(), fallback(key));
                continue;
            }
            Optional<?> value = value(v.get(), key, urlSchemes);
            if (value.isPresent()) values.put(key.name(), value.get());
            else if (key.defaultValue() != null) values.put(key.name(), fallback(key));
        }
        if (m.context().problems().count() > before) return Optional.empty();
        return Optional.of(new Settings(name, type, values));
    }

    private static Object fallback(ConfigKey key) {
        String d = key.defaultValue();
        return switch (key.type()) {
            case INTEGER -> Long.parseLong(d);
            case NUMBER -> Double.parseDouble(d);
            case BOOLEAN -> Boolean.parseBoolean(d);
            case STRING_LIST -> List.of(d.split("\\s*,\\s*"));
            default -> d;
        };
    }

    private static Optional<?> value(YamlValue v, ConfigKey key, List<String> urlSchemes) {
        return switch (key.type()) {
            case SECRET -> v.secret();
            case STRING -> v.text();
            case INTEGER -> v.integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMBER -> v.number();
            case BOOLEAN -> v.bool();
            case STRING_LIST -> v.strings();
            case ENUM -> {
                Map<String, String> allowed = new LinkedHashMap<>();
                key.allowed().forEach(a -> allowed.put(a, a));
                yield v.choice(allowed);
            }
            case URL -> v.nonBlank().flatMap(t -> url(v, t, urlSchemes));
            case DURATION -> v.nonBlank().flatMap(t -> duration(v, t));
            case MAP -> v.map().flatMap(ConnectorBlock::nested);
        };
    }

    /** A nested block's values as strings or lists of strings; the connector's own checks judge them. */
    static Optional<Map<String, Object>> nested(YamlMap m) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            Optional<?> value = e.getValue().node() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode
                    ? e.getValue().strings() : e.getValue().text();
            if (value.isPresent()) out.put(e.getKey(), value.get());
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<String> url(YamlValue v, String t, List<String> schemes) {
        URI u = null;
        try {
            u = new URI(t.trim());
        } catch (URISyntaxException e) {
            // reported below
        }
        if (u == null || u.getScheme() == null) {
            v.error(v.shown(t) + " is not a URL (expected e.g. " + (schemes.isEmpty()
                    ? "https://host/path or jdbc:postgresql://host:5432/db)" : "https://host/path)"));
            return Optional.empty();
        }
        if (!schemes.isEmpty() && (!schemes.contains(u.getScheme().toLowerCase(Locale.ROOT)) || u.getHost() == null)) {
            v.error(v.shown(t) + " is not allowed here (allowed: " + String.join(" or ", schemes)
                    + " URLs with a host, e.g. https://host/path)");
            return Optional.empty();
        }
        return Optional.of(t.trim());
    }

    private static Optional<String> duration(YamlValue v, String t) {
        try {
            Settings.parseDuration(t);
            return Optional.of(t.trim());
        } catch (RuntimeException e) {
            v.error(v.shown(t) + " is not a duration (allowed: 500ms, 30s, 5m, 1h, 1d or ISO-8601 such as PT30S)");
            return Optional.empty();
        }
    }
}
