package io.seglift.spi.destination;

import java.util.Map;

/**
 * What one sync run did to its audience, handed to {@link Destination#afterSync} once every batch was sent.
 *
 * @param added    members added by the run
 * @param removed  members removed by the run
 * @param rejected rows the destination rejected in the run
 * @param links    the destination-owned links the engine stored for this sync's audience after earlier runs (for
 *                 example {@code facebook.lookalike -> 23850000000001}); empty on a first run or after the audience was
 *                 replaced
 */
public record SyncTotals(long added, long removed, long rejected, Map<String, String> links) {
    public SyncTotals {
        links = Map.copyOf(links);
    }
}
