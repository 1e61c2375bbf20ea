package io.seglift.measure;

import java.util.List;

/**
 * Everything measured for one segment.
 *
 * @param cohorts    per-cohort lift, oldest first, without the pooled row
 * @param pooled     lift over the cohorts whose window is complete (or all, marked interim); null if no cohort
 * @param verdict    the plain-English verdict a marketer reads first
 * @param builds     size, holdout and membership change per build
 * @param unstable   whether any build was flagged ({@link io.seglift.config.SegmentStability})
 */
public record SegmentMeasurement(String segment, String description, BriefSummary brief, double holdoutFraction,
                                 Activation activation, List<CohortLift> cohorts, CohortLift pooled, String verdict,
                                 List<BuildPoint> builds, boolean unstable) {
    public SegmentMeasurement {
        cohorts = List.copyOf(cohorts);
        builds = List.copyOf(builds);
    }
}
