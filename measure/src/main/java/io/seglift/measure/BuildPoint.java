package io.seglift.measure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One build of a segment and how its membership changed since the previous build.
 *
 * @param changeRatio (entered + exited) / previous members, as recorded by the build
 * @param flagged     change above {@link io.seglift.config.SegmentStability#FLAG_ABOVE}
 */
public record BuildPoint(String buildId, LocalDate asOf, Instant builtAt, long members, long holdout, long entered,
                         long exited, long stayed, double changeRatio, boolean flagged) {
}
