package io.seglift.scoring.propensity.metrics;

/**
 * One bin of the calibration table: predictions in [{@code from}, {@code to}).
 *
 * @param from          lower edge of the predicted probability
 * @param to            upper edge (the last bin includes 1.0)
 * @param count         rows in the bin
 * @param meanPredicted mean prediction of those rows (NaN when empty)
 * @param observedRate  share of positives among them (NaN when empty)
 */
public record CalibrationBin(double from, double to, long count, double meanPredicted, double observedRate) {
}
