package io.seglift.sync.plan;

/** Why a segment member is not sent, in the order the rules are applied; counted by reason in each run's plan. */
public enum Exclusion {
    /** In the holdout arm of this segment or of any segment's latest build: never sent anywhere, so lift can be measured. */
    HELD_OUT,
    /** On the suppression list. */
    SUPPRESSED,
    /** Lacks the consent the destination's channel requires. */
    NO_CONSENT,
    /** Has none of the identifiers the destination matches on (or is missing from the customers table). */
    NO_IDENTIFIER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
