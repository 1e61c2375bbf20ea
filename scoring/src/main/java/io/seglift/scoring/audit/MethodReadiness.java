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

    /**
     * A readiness that does not assess {@code method}, for an audit asked a narrower question (the model-training gate
     * needs only the propensity verdict, and clustering's bootstrap fits cost seconds): the verdict says so.
     */
    static MethodReadiness notAssessed(String method, String by) {
        return asOf -> new MethodVerdict(method, false, java.util.List.of("not assessed by " + by
                + ", which checks propensity readiness only; seglift audit assesses " + method));
    }
}
