package io.seglift.spi.destination;

/**
 * The audience a sync wants in the destination.
 *
 * @param key         stable machine name, the segment name (e.g. {@code lapsed_reengage})
 * @param displayName name a marketer sees (e.g. "Seglift · Lapsed re-engage")
 * @param description from the activation brief: hypothesis, success metric, owner, holdout
 * @param knownId     the destination's id of this sync's audience from an earlier run, or {@code null} on the first
 *                    run; {@link Destination#ensureAudience} looks it up first, so a list a marketer renamed is still
 *                    the sync's list
 */
public record AudienceSpec(String key, String displayName, String description, String knownId) {

    /** A spec for an audience never seen before. */
    public AudienceSpec(String key, String displayName, String description) {
        this(key, displayName, description, null);
    }

    /** The same spec, with the id stored by an earlier run. */
    public AudienceSpec withKnownId(String id) {
        return new AudienceSpec(key, displayName, description, id);
    }
}
