package io.seglift.scoring.segments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One materialisation of a segment, as stored in {@code segment_builds}.
 *
 * @param buildId         unique id of the build
 * @param segment         segment name
 * @param asOf            date the profile was taken at
 * @param members         members (treatment and holdout)
 * @param holdout         members in the holdout arm
 * @param previousBuildId the latest build of the segment for an earlier as-of date, compared against
 * @param entered         members not in the previous build
 * @param exited          previous members no longer in the segment
 * @param stayed          members in both
 * @param changeRatio     (entered + exited) / previous members; 1 when the previous build was empty and this one is
 *                        not; empty without a previous build
 * @param flagged         change ratio above {@link io.seglift.config.SegmentStability#FLAG_ABOVE}
 * @param elapsed         wall time
 */
public record SegmentBuild(String buildId, String segment, LocalDate asOf, long members, long holdout,
                           Optional<String> previousBuildId, long entered, long exited, long stayed,
                           Optional<Double> changeRatio, boolean flagged, Duration elapsed) {
}
