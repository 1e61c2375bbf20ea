package io.seglift.config;

/**
 * How much of a destination audience one sync run may change: above either share the run is refused before anything
 * is sent. Shares are of the members the audience holds before the run (fractions; 0.2 is 20%). The default, 20%, is
 * the build-over-build change above which a segment's stability is flagged: a run that changes more than an unstable
 * segment would is more likely a broken rule or missing data than real movement.
 *
 * @param maxRemovalShare  largest share of the audience one run may remove ({@code max_removal_share}, 0 to 1)
 * @param maxAdditionShare largest number of members one run may add, as a share of the audience
 *                         ({@code max_addition_share}, 0 or more; may exceed 1)
 */
public record ChangeLimits(double maxRemovalShare, double maxAdditionShare) {
    /** The stability flag's threshold ({@link SegmentStability#FLAG_ABOVE}): a run may change the audience as much as a build may. */
    public static final double DEFAULT_SHARE = SegmentStability.FLAG_ABOVE;
    /** Both shares at {@link #DEFAULT_SHARE}. */
    public static final ChangeLimits DEFAULT = new ChangeLimits(DEFAULT_SHARE, DEFAULT_SHARE);
    /** No limit: an operator allowed a large change ({@code --allow-large-changes}). */
    public static final ChangeLimits UNLIMITED = new ChangeLimits(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    public ChangeLimits {
        if (!(maxRemovalShare >= 0) || !(maxAdditionShare >= 0)) {
            throw new IllegalArgumentException("change limits must be shares of 0 or more");
        }
    }

    public boolean unlimited() {
        return Double.isInfinite(maxRemovalShare) && Double.isInfinite(maxAdditionShare);
    }
}
