package io.seglift.spi.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a connector declares for its block of the project file. The config loader uses it to validate the block
 * (unknown keys with did-you-mean, missing required keys, literal values in secret keys) and {@code seglift schema}
 * uses it to describe the block to editors.
 */
public record ConfigSpec(List<ConfigKey> keys) {

    public ConfigSpec {
        keys = List.copyOf(keys);
        Map<String, ConfigKey> seen = new LinkedHashMap<>();
        for (ConfigKey k : keys) {
            if (seen.put(k.name(), k) != null) {
                throw new IllegalArgumentException("duplicate config key " + k.name());
            }
        }
    }

    public static ConfigSpec of(ConfigKey... keys) {
        return new ConfigSpec(List.of(keys));
    }

    public Optional<ConfigKey> key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
