package io.seglift.spi.destination;

import java.util.List;
import java.util.Map;

/**
 * What a destination did after a sync run ({@link Destination#afterSync}).
 *
 * @param notes sentences for the run's record (shown by {@code seglift runs show}), e.g. why a lookalike was not
 *              created yet; never emails, phone numbers or secrets
 * @param links the complete set of destination-owned links the engine stores for the sync's audience and hands back
 *              on the next run ({@link SyncTotals#links()}); keys are namespaced by destination type, values are the
 *              destination's ids
 */
public record AfterSync(List<String> notes, Map<String, String> links) {
    public AfterSync {
        notes = List.copyOf(notes);
        links = Map.copyOf(links);
    }

    /** Nothing to note, the stored links kept as they are. */
    public static AfterSync unchanged(SyncTotals totals) {
        return new AfterSync(List.of(), totals.links());
    }
}
