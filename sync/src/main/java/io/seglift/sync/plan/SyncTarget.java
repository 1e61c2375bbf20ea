package io.seglift.sync.plan;

import io.seglift.config.CustomersSource;
import io.seglift.config.SuppressionsSource;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.SyncMode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the planner needs about one sync, resolved from the project file and the destination's capabilities.
 *
 * @param syncName     the sync
 * @param segment      the segment sent
 * @param mode         mirror, add-only or upsert
 * @param fields       upsert: destination property to SQL over the member profile (empty otherwise)
 * @param channel      the destination's channel, deciding the consent required
 * @param identifiers  identifier types sent, in a stable order: those the destination matches on and the customers
 *                     table has a column for
 * @param customers    the customers source
 * @param suppressions the suppression list, if configured
 */
public record SyncTarget(String syncName, String segment, SyncMode mode, Map<String, String> fields, Channel channel,
                         List<IdentifierType> identifiers, CustomersSource customers,
                         Optional<SuppressionsSource> suppressions) {
    public SyncTarget {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        identifiers = List.copyOf(identifiers);
    }
}
