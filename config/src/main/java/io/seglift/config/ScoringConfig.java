package io.seglift.config;

import java.util.Map;

/** {@code scoring:}: audit thresholds, RFM, models by name and clustering. */
public record ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models, ClustersConfig clusters) {
    public ScoringConfig {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }

    /** Scoring with the default clustering settings. */
    public ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models) {
        this(audit, rfm, models, ClustersConfig.defaults());
    }
}
