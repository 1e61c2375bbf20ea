package io.seglift.measure;

import io.seglift.config.SuccessMetric;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns per-cohort arm aggregates into {@link CohortLift}s with states, and pools the cohorts whose window is
 * complete. Pooling sums the aggregates: the holdout is a hash of the key, independent of the cohort date, so every
 * cohort is randomised at the same fraction and the pooled difference is unbiased.
 */
public final class LiftAssessor {
    /** Fewer members than this in either arm and no verdict is given. */
    public static final int DEFAULT_MIN_ARM = 30;

    private final SuccessMetric.Outcome outcome;
    private final int windowDays;
    private final SuccessMetric.Target target;
    private final double holdoutFraction;
    private final int minArm;

    public LiftAssessor(SuccessMetric.Outcome outcome, int windowDays, SuccessMetric.Target target,
                        double holdoutFraction, int minArm) {
        this.outcome = outcome;
        this.windowDays = windowDays;
        this.target = target;
        this.holdoutFraction = holdoutFraction;
        this.minArm = minArm;
    }

    /** One arm pair of a cohort. */
    public record Arms(ArmAggregate treatment, ArmAggregate holdout, Long exposed) {
    }

    public boolean windowComplete(LocalDate cohort, LocalDate asOf) {
        return ChronoUnit.DAYS.between(cohort, asOf) >= windowDays;
    }

    public CohortLift cohort(LocalDate cohort, Arms arms, LocalDate asOf) {
        return assess(cohort, cohort.toString(), cohort.plusDays(windowDays), arms, windowComplete(cohort, asOf));
    }

    /** Per-cohort results followed by the pooled row (complete cohorts; all cohorts, marked incomplete, if none is). */
    public List<CohortLift> all(SortedMap<LocalDate, Arms> cohorts, LocalDate asOf) {
        List<CohortLift> out = new ArrayList<>();
        Arms complete = new Arms(ArmAggregate.EMPTY, ArmAggregate.EMPTY, null);
        Arms every = complete;
        int nComplete = 0;
        for (Map.Entry<LocalDate, Arms> e : cohorts.entrySet()) {
            out.add(cohort(e.getKey(), e.getValue(), asOf));
            every = add(every, e.getValue());
            if (windowComplete(e.getKey(), asOf)) {
                complete = add(complete, e.getValue());
                nComplete++;
            }
        }
        if (nComplete > 0) {
            out.add(assess(null, "pooled: " + nComplete + " complete cohort" + (nComplete == 1 ? "" : "s"), null,
                    complete, true));
        } else if (!cohorts.isEmpty()) {
            out.add(assess(null, "pooled: no cohort has completed its " + windowDays + "-day window (interim)", null,
                    every, false));
        }
        return out;
    }

    private static Arms add(Arms a, Arms b) {
        Long exposed = a.exposed() == null && b.exposed() == null ? null
                : (a.exposed() == null ? 0 : a.exposed()) + (b.exposed() == null ? 0 : b.exposed());
        return new Arms(a.treatment().plus(b.treatment()), a.holdout().plus(b.holdout()), exposed);
    }

    private CohortLift assess(LocalDate cohort, String label, LocalDate windowEnd, Arms arms, boolean complete) {
        ArmAggregate t = arms.treatment();
        ArmAggregate h = arms.holdout();
        boolean computable = t.n() >= 2 && h.n() >= 2;
        LiftEstimate revenue = computable ? WelchLift.ninetyFive().estimate(t, h) : null;
        LiftEstimate primary = !computable ? null
                : outcome == SuccessMetric.Outcome.REVENUE ? revenue : TwoProportionLift.ninetyFive().estimate(t, h);
        Power power = PowerAnalysis.analyse(outcome, target, holdoutFraction, t, h);
        LiftState state;
        if (t.n() < minArm || h.n() < minArm) {
            state = LiftState.NOT_ENOUGH_DATA;
        } else if (!complete) {
            state = LiftState.WINDOW_NOT_COMPLETE;
        } else if (primary.low() > 0) {
            state = LiftState.POSITIVE;
        } else if (primary.high() < 0) {
            state = LiftState.NEGATIVE;
        } else {
            state = LiftState.INCONCLUSIVE;
        }
        Double incConv = computable ? (t.rate() - h.rate()) * t.n() : null;
        Double incRev = computable ? (t.mean() - h.mean()) * t.n() : null;
        LiftEstimate perSent = null;
        if (primary != null && arms.exposed() != null && arms.exposed() > 0) {
            double share = (double) arms.exposed() / t.n();
            perSent = new LiftEstimate(primary.treatment(), primary.holdout(), primary.absolute() / share,
                    primary.relative() == null ? null : primary.relative() / share, primary.low() / share,
                    primary.high() / share, primary.pValue(), primary.method() + "; divided by the share of treated "
                    + "members sent (" + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share) + ", Bloom)");
        }
        return new CohortLift(cohort, label, windowEnd, t, h, arms.exposed(), primary, revenue, power, state, incConv,
                incRev, perSent);
    }
}
