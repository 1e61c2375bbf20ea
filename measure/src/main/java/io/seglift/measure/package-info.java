/**
 * Measurement: whether a segment worked. Lift of treatment over holdout per cohort (two-proportion Newcombe interval
 * for rates, Welch's t for revenue) with power analysis and honest states, build-over-build stability, predictive
 * validity of propensity models, sync health and the latest audit. Aggregates are computed in SQL over
 * {@link io.seglift.scoring.data.PurchaseFacts}; only per-cohort sums reach the JVM.
 */
package io.seglift.measure;
