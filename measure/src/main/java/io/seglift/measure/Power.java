package io.seglift.measure;

/**
 * Power analysis for one cohort against the brief's target effect, at α = 0.05 (two-sided) and power 0.8.
 *
 * @param targetEffect      the target as an absolute difference (rate points or money per member); null when the
 *                          target cannot apply to this metric (see {@code note})
 * @param requiredHoldout   holdout members needed; null when unknown
 * @param requiredTreatment treatment members needed at the segment's holdout fraction; null when unknown
 * @param detectableNow     the smallest absolute effect the current arm sizes detect with the same α and power
 * @param reached           whether both arms have at least the required members
 * @param note              why a number is missing, or empty
 */
public record Power(Double targetEffect, Long requiredHoldout, Long requiredTreatment, Double detectableNow,
                    boolean reached, String note) {
}
