package io.seglift.scoring.propensity.train;

import io.seglift.scoring.propensity.metrics.ValidationReport;

import java.util.List;
import java.util.Map;

/**
 * A trained booster and what describes it.
 *
 * @param modelJson   XGBoost's JSON model (intercept already corrected for {@code scale_pos_weight})
 * @param features    feature names in column order
 * @param params      all parameters used
 * @param rounds      trees in the model (best iteration + 1)
 * @param trainRows   training rows
 * @param trainPositives positives among them
 * @param validation  metrics on the validation rows
 */
public record TrainedModel(byte[] modelJson, List<String> features, Map<String, Object> params, int rounds,
                           long trainRows, long trainPositives, ValidationReport validation) {
}
