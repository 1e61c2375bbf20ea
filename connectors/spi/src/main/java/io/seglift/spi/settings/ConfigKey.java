package io.seglift.spi.settings;

import java.util.List;
import java.util.Objects;

/**
 * One key a connector accepts in its block of the project file.
 *
 * @param name         key as written in YAML, snake_case
 * @param type         value type; {@link Type#SECRET} values must be written as {@code ${env:..}} or {@code ${file:..}}
 * @param required     whether the key must be present
 * @param defaultValue default when absent (as YAML text), or {@code null}
 * @param description  one line shown by {@code seglift schema} and in validation messages
 * @param allowed      for {@link Type#ENUM}, the allowed values; empty otherwise
 */
public record ConfigKey(String name, Type type, boolean required, String defaultValue, String description,
                        List<String> allowed) {

    /** Value types a key may have. */
    public enum Type { STRING, SECRET, INTEGER, NUMBER, BOOLEAN, URL, ENUM, STRING_LIST, DURATION,
        /** A small nested block of scalars and lists ({@code {ratio: 0.01, countries: [US]}}), checked by the connector. */
        MAP }

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed == null ? List.of() : allowed);
    }

    public static ConfigKey required(String name, Type type, String description) {
        return new ConfigKey(name, type, true, null, description, List.of());
    }

    public static ConfigKey optional(String name, Type type, String defaultValue, String description) {
        return new ConfigKey(name, type, false, defaultValue, description, List.of());
    }

    public static ConfigKey oneOf(String name, String defaultValue, String description, List<String> allowed) {
        return new ConfigKey(name, Type.ENUM, defaultValue == null, defaultValue, description, allowed);
    }

    public boolean secret() {
        return type == Type.SECRET;
    }
}
