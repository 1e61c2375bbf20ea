package io.seglift.spi.destination;

/**
 * What a destination reported about the rows of one upload, for destinations that report it (Meta's {@code
 * num_received} and {@code num_invalid_entries}); the engine sums them per run. The match rate is {@code (received -
 * invalid) / received}: the share of uploaded rows the destination accepted as usable for matching. It is not the share
 * of people the destination found among its users: Meta reports that only as an approximate audience size
 * ({@link AudienceSize}).
 *
 * @param received rows the destination says it received
 * @param invalid  of those, rows it reported as invalid entries
 */
public record UploadStats(long received, long invalid) {
    /** Nothing uploaded. */
    public static final UploadStats NONE = new UploadStats(0, 0);

    public UploadStats {
        if (received < 0 || invalid < 0 || invalid > received) {
            throw new IllegalArgumentException("upload stats need 0 <= invalid <= received (got received " + received
                    + ", invalid " + invalid + ")");
        }
    }

    /** Stats as reported; an invalid count above the received one is capped at it (the vendor's numbers are not checked). */
    public static UploadStats of(long received, long invalid) {
        long r = Math.max(0, received);
        return new UploadStats(r, Math.min(r, Math.max(0, invalid)));
    }

    public UploadStats plus(UploadStats other) {
        return new UploadStats(received + other.received, invalid + other.invalid);
    }

    /** Rows accepted as usable for matching. */
    public long valid() {
        return received - invalid;
    }

    /** {@code (received - invalid) / received}, or NaN when nothing was received. */
    public double matchRate() {
        return matchRate(received, invalid);
    }

    /** The match rate rule, stated once: {@code (received - invalid) / received}, NaN when {@code received} is 0. */
    public static double matchRate(long received, long invalid) {
        return received <= 0 ? Double.NaN : (double) (received - invalid) / received;
    }
}
