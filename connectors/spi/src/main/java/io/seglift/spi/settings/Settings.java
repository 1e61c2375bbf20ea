package io.seglift.spi.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resolved values of one connector block: {@code name} is the block's name in the project file (for example the
 * destination name {@code hubspot_crm}), values are plain Java values ({@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link List}) or {@link Secret}s. Immutable; {@link #toString()} masks secrets.
 */
public final class Settings {
    private final String name;
    private final String type;
    private final Map<String, Object> values;

    public Settings(String name, String type, Map<String, ?> values) {
        this.name = name;
        this.type = type;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String name() { return name; }

    public String type() { return type; }

    public Map<String, Object> values() { return values; }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public String requireString(String key) {
        return string(key).orElseThrow(() -> missing(key));
    }

    public Optional<Secret> secret(String key) {
        Object v = values.get(key);
        if (v == null) return Optional.empty();
        if (v instanceof Secret s) return Optional.of(s);
        throw new IllegalStateException(name + "." + key + " must be a secret (${env:NAME} or ${file:PATH})");
    }

    public Secret requireSecret(String key) {
        return secret(key).orElseThrow(() -> missing(key));
    }

    public long integer(String key, long fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    }

    public double number(String key, double fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
    }

    public Optional<URI> uri(String key) {
        return string(key).map(URI::create);
    }

    /** Durations are written as ISO-8601 ({@code PT30S}) or with a unit suffix: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    public Optional<Duration> duration(String key) {
        return string(key).map(Settings::parseDuration);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(v.toString());
    }

    /** A nested block ({@link ConfigKey.Type#MAP}): its keys mapped to strings or lists of strings; empty when absent. */
    public Optional<Map<String, Object>> map(String key) {
        Object v = values.get(key);
        if (v == null) return Optional.empty();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            return Optional.of(Collections.unmodifiableMap(out));
        }
        throw new IllegalStateException(name + "." + key + " must be a block of key: value lines");
    }

    public Settings with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Settings(name, type, copy);
    }

    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (use 500ms, 30s, 5m, 1h or PT30S)");
        };
    }

    private IllegalStateException missing(String key) {
        return new IllegalStateException(type + " '" + name + "' needs '" + key + "'");
    }

    @Override
    public String toString() {
        return type + " " + name + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
