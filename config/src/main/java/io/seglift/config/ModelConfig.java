package io.seglift.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scoring.models.NAME}: a propensity model.
 *
 * @param name        model name; also the score column in segment rules ({@code churn_90d}, {@code churn_90d_decile})
 * @param target      what is predicted
 * @param features    feature groups: {@code rfm}, {@code behaviour}, {@code trend}, {@code tenure}, {@code aov},
 *                    {@code categories}, {@code engagement}
 * @param sqlFeatures user-declared features: name to SQL expression over the customers table (alias {@code c})
 * @param params      XGBoost parameter overrides (e.g. {@code max_depth: 4})
 */
public record ModelConfig(String name, Target target, List<String> features, Map<String, String> sqlFeatures,
                          Map<String, Object> params) {
    public ModelConfig {
        features = List.copyOf(features);
        sqlFeatures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sqlFeatures));
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /**
     * The target.
     *
     * @param kind        purchase within N days, churn (no purchase within N days), or an existing label column
     * @param horizonDays N, for purchase and churn
     * @param label       for {@link Kind#LABEL}: where the outcome is
     */
    public record Target(Kind kind, int horizonDays, Optional<LabelColumn> label) {
        public enum Kind { PURCHASE, CHURN, LABEL }
    }

    /**
     * An outcome column teams already have.
     *
     * @param table    table with one row per customer
     * @param key      its customer key column
     * @param column   the label column
     * @param positive the value meaning positive (e.g. {@code Yes}, {@code 1}, {@code true})
     */
    public record LabelColumn(io.seglift.spi.warehouse.TableName table, String key, String column, String positive) {
    }
}
