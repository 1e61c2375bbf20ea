package io.seglift.destination.facebook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One member ready for upload: normalized values hashed (or left plain for EXTERN_ID and MADID), keyed by schema column.
 * Holds no raw personal data.
 *
 * @param key    the member's customer key
 * @param values upload values by column; absent columns are sent as empty strings
 */
public record HashedRow(String key, Map<MatchKey, String> values) {
    public HashedRow {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    /** The row in schema order, {@code ""} for absent columns. */
    public List<String> toPayloadRow(List<MatchKey> schema) {
        return schema.stream().map(k -> values.getOrDefault(k, "")).toList();
    }
}
