package io.seglift.config;

import java.util.Optional;

/**
 * {@code segments.NAME}.
 *
 * @param name            segment name (an identifier)
 * @param rule            SQL boolean over scores and customer attributes, checked by the warehouse before use
 * @param holdoutFraction share held out, 0 to 0.5 (default 0.10)
 * @param salt            holdout salt (default: the segment name); changing it reshuffles the holdout
 * @param description     optional free text
 * @param brief           the activation brief; a segment without a complete brief is never synced
 */
public record SegmentConfig(String name, String rule, double holdoutFraction, String salt, Optional<String> description,
                            Optional<ActivationBrief> brief) {

    /** What is missing from the brief, e.g. {@code [brief.owner, brief.success_metric.window_days]}; empty when complete. */
    public java.util.List<String> briefProblems() {
        return brief.map(ActivationBrief::missing).orElse(java.util.List.of("brief"));
    }

    public boolean syncable() {
        return briefProblems().isEmpty();
    }
}
