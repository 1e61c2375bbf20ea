package io.seglift.config;

import io.seglift.spi.destination.SyncMode;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code syncs:}.
 *
 * @param name        sync name (an identifier)
 * @param segment     segment sent
 * @param destination destination name
 * @param mode        mirror, add-only or upsert
 * @param schedule    cron expression (5 fields, UNIX style) for {@code seglift serve}
 * @param fields      for upsert: destination property to SQL expression over the member view (e.g.
 *                    {@code seglift_rfm_segment: rfm_segment})
 */
public record SyncConfig(String name, String segment, String destination, SyncMode mode, Optional<String> schedule,
                         Map<String, String> fields) {
    public SyncConfig {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
