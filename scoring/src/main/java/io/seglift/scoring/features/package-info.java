/**
 * Point-in-time features for propensity models: SQL computed in the warehouse as of a cutoff date from data strictly
 * before it ({@link io.seglift.scoring.features.FeatureBuilder}), and the guard that proves no feature reads past the
 * cutoff ({@link io.seglift.scoring.features.LeakGuard}).
 */
package io.seglift.scoring.features;
