package io.seglift.scoring.propensity.metrics;

import java.util.List;

/**
 * Validation of a model on held-out rows, stored with it.
 *
 * @param rows         validation rows
 * @param positives    positives among them
 * @param aucRoc       area under the ROC curve (ties counted half)
 * @param prAuc        area under the precision-recall curve (average precision)
 * @param logLoss      mean negative log-likelihood (predictions clipped to [1e-15, 1 - 1e-15])
 * @param brier        mean squared error of the predicted probability
 * @param calibration  10 equal-width bins of predicted probability
 * @param gains        gains and lift by decile, highest first
 * @param importances  top features by gain (empty when not computed)
 */
public record ValidationReport(long rows, long positives, double aucRoc, double prAuc, double logLoss, double brier,
                               List<CalibrationBin> calibration, List<DecileGain> gains,
                               List<FeatureImportance> importances) {
    public ValidationReport {
        calibration = List.copyOf(calibration);
        gains = List.copyOf(gains);
        importances = List.copyOf(importances);
    }

    public ValidationReport withImportances(List<FeatureImportance> top) {
        return new ValidationReport(rows, positives, aucRoc, prAuc, logLoss, brier, calibration, gains, top);
    }
}
