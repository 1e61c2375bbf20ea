package io.seglift.scoring.propensity.metrics;

/**
 * Gains and lift of one decile of rows sorted by prediction, decile 10 holding the highest predictions.
 *
 * @param decile        10 = highest scores
 * @param count         rows in the decile
 * @param positives     positives among them
 * @param rate          positives / count
 * @param lift          rate / overall positive rate
 * @param cumulativeGain share of all positives captured by this decile and the higher ones
 */
public record DecileGain(int decile, long count, long positives, double rate, double lift, double cumulativeGain) {
}
