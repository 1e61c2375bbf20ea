package io.seglift.spi.destination;

/**
 * The audience a sync wants in the destination.
 *
 * @param key         stable machine name, the segment name (e.g. {@code lapsed_reengage}); audiences are found by it
 * @param displayName name a marketer sees (e.g. "Seglift · Lapsed re-engage")
 * @param description from the activation brief: hypothesis, success metric, owner, holdout
 */
public record AudienceSpec(String key, String displayName, String description) {
}
