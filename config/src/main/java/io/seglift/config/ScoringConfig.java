package io.seglift.config;

import java.util.Map;

/** {@code scoring:}: audit thresholds, RFM, models by name, customer lifetime value and clustering. */
public record ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models, ClvConfig clv,
                            ClustersConfig clusters) {
    public ScoringConfig {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }

    /** Scoring with the default CLV and clustering settings. */
    public ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models) {
        this(audit, rfm, models, ClvConfig.defaults(), ClustersConfig.defaults());
    }
}
