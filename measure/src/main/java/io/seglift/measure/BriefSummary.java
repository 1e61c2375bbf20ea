package io.seglift.measure;

import io.seglift.config.ActivationBrief;
import io.seglift.config.SuccessMetric;

import java.util.List;

/** The parts of a segment's activation brief a report shows. Fields are null where the brief leaves them out. */
public record BriefSummary(String hypothesis, String metric, String outcome, Integer windowDays, String target,
                           String owner, List<String> channels) {
    public BriefSummary {
        channels = List.copyOf(channels);
    }

    public static BriefSummary of(ActivationBrief brief) {
        if (brief == null) return new BriefSummary(null, null, null, null, null, null, List.of());
        SuccessMetric m = brief.successMetric().orElse(null);
        return new BriefSummary(brief.hypothesis().orElse(null),
                m == null ? null : m.name().orElse(null),
                m == null ? null : m.outcome().map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                m == null ? null : m.windowDays().orElse(null),
                m == null ? null : m.target().map(SuccessMetric.Target::text).orElse(null),
                brief.owner().orElse(null), brief.channel());
    }
}
