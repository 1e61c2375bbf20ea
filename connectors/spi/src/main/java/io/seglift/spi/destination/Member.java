package io.seglift.spi.destination;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One customer in a batch.
 *
 * @param key           the customer key in the warehouse; safe to log
 * @param identifiers   raw identifiers (email, phone, names...); personal data, never logged; only the types the
 *                      destination matches on
 * @param attributes    mapped fields for {@link SyncMode#UPSERT} (e.g. {@code seglift_segment}); not personal
 * @param destinationId the destination's id for this member from an earlier sync, or {@code null}
 */
public record Member(String key, Map<IdentifierType, String> identifiers, Map<String, Object> attributes,
                     String destinationId) {
    public Member {
        Objects.requireNonNull(key, "key");
        identifiers = identifiers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(identifiers));
        attributes = Map.copyOf(attributes);
    }

    public String identifier(IdentifierType type) {
        return identifiers.get(type);
    }

    /** Names the member by key and identifier types only; values are never printed. */
    @Override
    public String toString() {
        return "Member[key=" + key + ", identifiers=" + identifiers.keySet() + ", attributes=" + attributes.keySet() + "]";
    }
}
