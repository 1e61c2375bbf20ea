package io.seglift.config;

import java.util.Map;

/** {@code scoring:}: audit thresholds, RFM and models by name. */
public record ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models) {
    public ScoringConfig {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }
}
