package io.seglift.config;

import java.util.Map;

/** {@code scoring:}: audit thresholds, RFM, models by name and customer lifetime value. */
public record ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models, ClvConfig clv) {
    public ScoringConfig {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }

    /** With the defaults of every later part ({@code clv}). */
    public ScoringConfig(AuditConfig audit, RfmConfig rfm, Map<String, ModelConfig> models) {
        this(audit, rfm, models, ClvConfig.defaults());
    }
}
