package io.seglift.measure;

/** The honest verdict for one cohort (or the pooled cohorts) of a segment. */
public enum LiftState {
    /** Fewer holdout or treatment members than the minimum; nothing can be said yet. */
    NOT_ENOUGH_DATA,
    /** The metric's window has not closed for this cohort; its numbers would understate the outcome. */
    WINDOW_NOT_COMPLETE,
    /** The 95% interval contains zero. */
    INCONCLUSIVE,
    /** The whole 95% interval is above zero. */
    POSITIVE,
    /** The whole 95% interval is below zero. */
    NEGATIVE
}
