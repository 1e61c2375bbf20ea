package io.seglift.config;

/**
 * When a segment build counts as unstable: a build whose change ratio (members entered plus exited, over the previous
 * build's members) exceeds {@link #FLAG_ABOVE} is flagged. A segment that churns that fast between builds reaches
 * different people each time, which makes its lift hard to read and its audiences expensive to keep in sync.
 */
public final class SegmentStability {
    /** The threshold in percent, for texts (a compile-time constant, so command help can name it). */
    public static final int FLAG_ABOVE_PERCENT = 20;
    /** Builds whose change ratio is above this are flagged. */
    public static final double FLAG_ABOVE = FLAG_ABOVE_PERCENT / 100.0;

    private SegmentStability() {
    }

    public static boolean flagged(double changeRatio) {
        return changeRatio > FLAG_ABOVE;
    }

    /** The threshold as users read it, e.g. "20%". */
    public static String label() {
        return FLAG_ABOVE_PERCENT + "%";
    }
}
