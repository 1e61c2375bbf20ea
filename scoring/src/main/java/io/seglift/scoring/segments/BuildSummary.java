package io.seglift.scoring.segments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored row of {@code segment_builds}, for listings.
 *
 * @param changeRatio null without a previous build
 */
public record BuildSummary(String buildId, String segment, LocalDate asOf, Instant builtAt, long members, long holdout,
                           long entered, long exited, long stayed, Double changeRatio, boolean flagged) {
}
