package io.seglift.scoring.audit;

import java.time.LocalDate;

/**
 * Decides whether the data supports one method as of a date. The audit asks one per method that needs more than the
 * audit's own counts: clustering ({@link ClusteringReadiness}) and customer lifetime value ({@link io.seglift.scoring.clv.ClvReadiness}).
 */
@FunctionalInterface
public interface MethodReadiness {
    /** The verdict as of {@code asOf}. */
    MethodVerdict verdict(LocalDate asOf);
}
