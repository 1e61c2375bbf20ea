package io.seglift.measure;

import java.time.LocalDate;

/**
 * Lift for one cohort (members first assigned on {@code cohort}), or for the pooled complete cohorts when
 * {@code cohort} is null.
 *
 * @param cohort                 the cohort date, null for the pooled row
 * @param label                  the date, or a description of what was pooled
 * @param windowEnd              last day counted for this cohort (cohort + window); null when pooled
 * @param treatment              treatment arm aggregates
 * @param holdout                holdout arm aggregates
 * @param exposed                treatment members ever added successfully by a sync (from the engine's run history); null if unknown
 * @param estimate               the primary metric's lift; null when either arm is too small to compute it
 * @param revenue                revenue per member lift (also shown for purchase metrics); null when too small
 * @param power                  power against the brief's target
 * @param state                  the honest verdict
 * @param incrementalConversions (treatment rate − holdout rate) × treatment members
 * @param incrementalRevenue     (treatment − holdout revenue per member) × treatment members
 * @param perSent                the primary lift per treated member actually sent (Bloom's estimator: the
 *                               intention-to-treat lift divided by the share of treatment members sent; holdout
 *                               members are never sent); null when exposure is unknown or nobody was sent
 */
public record CohortLift(LocalDate cohort, String label, LocalDate windowEnd, ArmAggregate treatment,
                         ArmAggregate holdout, Long exposed, LiftEstimate estimate, LiftEstimate revenue, Power power,
                         LiftState state, Double incrementalConversions, Double incrementalRevenue,
                         LiftEstimate perSent) {
}
