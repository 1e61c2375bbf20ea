package io.seglift.sync.plan;

/** The segment has no build in {@code segment_members} yet; nothing can be planned. */
public final class SegmentNotBuiltException extends RuntimeException {
    public SegmentNotBuiltException(String message) {
        super(message);
    }
}
