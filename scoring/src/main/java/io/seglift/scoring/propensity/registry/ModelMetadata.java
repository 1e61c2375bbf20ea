package io.seglift.scoring.propensity.registry;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.propensity.metrics.ValidationReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is stored with a model ({@code metadata.json}).
 *
 * @param id               {@code <name>-<yyyyMMddHHmmss>-<8 hex of the fingerprint>}
 * @param name             model name from the project file
 * @param kind             purchase, churn or label
 * @param horizonDays      label horizon (0 for label models)
 * @param label            label table.column = positive, for label models
 * @param features         features with their SQL, in model column order
 * @param params           all XGBoost and training parameters
 * @param asOf             the date training was run for
 * @param trainingCutoff   features of the training rows are as of this date, labels in [it, it + horizon)
 * @param validationCutoff same for the validation rows (null for label models, split by key hash)
 * @param trainRows        training rows
 * @param trainPositives   positives among them
 * @param rounds           trees
 * @param fingerprint      SHA-256 over the training rows
 * @param validation       metrics on the validation rows
 * @param notes            feature groups skipped and other remarks
 * @param trainedAt        when
 */
public record ModelMetadata(String id, String name, String kind, int horizonDays, String label, List<Feature> features,
                            Map<String, Object> params, LocalDate asOf, LocalDate trainingCutoff,
                            LocalDate validationCutoff, long trainRows, long trainPositives, int rounds,
                            String fingerprint, ValidationReport validation, List<String> notes, Instant trainedAt) {

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }
}
