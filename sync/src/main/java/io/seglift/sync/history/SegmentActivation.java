package io.seglift.sync.history;

import java.time.Instant;

/**
 * Whether a segment was ever sent.
 *
 * @param runs      sync runs recorded for the segment
 * @param firstSync start of the first run, null if none
 * @param lastSync  start of the latest run, null if none
 */
public record SegmentActivation(long runs, Instant firstSync, Instant lastSync) {
    public static final SegmentActivation NEVER = new SegmentActivation(0, null, null);
}
