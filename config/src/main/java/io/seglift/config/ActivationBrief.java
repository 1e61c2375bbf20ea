package io.seglift.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a segment exists and how its success is judged. Required before any sync.
 *
 * @param channel       destination names the segment is activated in
 * @param hypothesis    one sentence: who, what, why
 * @param successMetric how success is measured against the holdout
 * @param owner         who acts on the result (email or team)
 */
public record ActivationBrief(List<String> channel, Optional<String> hypothesis, Optional<SuccessMetric> successMetric,
                              Optional<String> owner) {
    public ActivationBrief {
        channel = List.copyOf(channel);
    }

    /** Missing parts as YAML paths relative to the segment. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (channel.isEmpty()) m.add("brief.channel");
        if (hypothesis.filter(h -> !h.isBlank()).isEmpty()) m.add("brief.hypothesis");
        if (successMetric.isEmpty()) {
            m.add("brief.success_metric");
        } else {
            m.addAll(successMetric.get().missing());
        }
        if (owner.filter(o -> !o.isBlank()).isEmpty()) m.add("brief.owner");
        return m;
    }
}
