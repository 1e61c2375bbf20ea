package io.seglift.scoring.segments;

import java.util.List;

/** A segment reads scores that do not exist for the as-of date; the message names each and the command to run. */
public final class SegmentNotReadyException extends IllegalStateException {
    private final List<String> missing;

    public SegmentNotReadyException(List<String> missing) {
        super("data not ready: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    /** One sentence per missing score input. */
    public List<String> missing() {
        return missing;
    }
}
