package io.seglift.scoring.propensity.metrics;

/** A feature's importance: XGBoost's average gain of the splits on it, and its share of the total. */
public record FeatureImportance(String feature, double gain, double share) {
}
