package io.seglift.scoring.segments;

/** A segment's rule does not compile against the member profile; the message names the segment and the engine error. */
public final class SegmentRuleException extends IllegalArgumentException {
    public SegmentRuleException(String message) {
        super(message);
    }
}
