package io.seglift.spi.destination;

import java.util.List;
import java.util.Set;

/**
 * What a destination supports.
 *
 * @param identifiers        identifiers it can match members on; the engine sends only these
 * @param maxBatchSize       most rows one {@link Destination#push} accepts
 * @param rateLimits         documented limits; the first is the one the engine paces batches with
 * @param modes              sync modes it supports
 * @param supportsRemove     whether members can be removed from an audience
 * @param supportsAttributes whether {@link SyncMode#UPSERT} can write attributes onto records
 * @param channel            the channel activated, which decides the consent required
 */
public record Capabilities(Channel channel, Set<IdentifierType> identifiers, int maxBatchSize, List<RateLimit> rateLimits,
                           Set<SyncMode> modes, boolean supportsRemove, boolean supportsAttributes) {
    public Capabilities {
        identifiers = Set.copyOf(identifiers);
        rateLimits = List.copyOf(rateLimits);
        modes = Set.copyOf(modes);
        java.util.Objects.requireNonNull(channel, "channel");
        if (maxBatchSize <= 0) throw new IllegalArgumentException("maxBatchSize must be positive");
        if (identifiers.isEmpty()) throw new IllegalArgumentException("a destination matches on at least one identifier");
    }
}
