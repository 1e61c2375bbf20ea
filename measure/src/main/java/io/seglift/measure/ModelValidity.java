package io.seglift.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Whether a propensity model's scores came true.
 *
 * @param state             {@code MEASURED}, {@code HORIZON_NOT_PASSED} or {@code NOT_OBSERVABLE} (label targets)
 * @param scoredAsOf        the scoring date checked (the latest whose horizon has passed), or the latest scoring
 * @param horizonEnds       scoredAsOf + horizon
 * @param ece               expected calibration error: Σ n_d/N × |observed_d − predicted_d|
 * @param recalibrate       whether the recalibration warning applies (see {@link ValidityQuery})
 * @param reason            why, in a sentence; or why nothing was measured
 * @param trainingMetrics   numeric metrics recorded at training time ({@code models.metrics})
 */
public record ModelValidity(String modelId, String modelName, String target, int horizonDays, String state,
                            LocalDate scoredAsOf, LocalDate horizonEnds, List<DecileCalibration> deciles,
                            List<GainsPoint> gains, Double ece, boolean recalibrate, String reason,
                            Map<String, Double> trainingMetrics) {
    public ModelValidity {
        deciles = List.copyOf(deciles);
        gains = List.copyOf(gains);
        trainingMetrics = Map.copyOf(trainingMetrics);
    }
}
