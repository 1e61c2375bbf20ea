package io.seglift.measure;

import io.seglift.config.SuccessMetric;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Plain-English verdicts: what happened, how sure we are, and what to do next. No statistics jargon first. */
public final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param outcomesKnownTo the last day with outcome data (the report's as-of date)
     * @param windowDays      the success metric's window
     */
    public static String of(SuccessMetric.Outcome outcome, Activation activation, List<CohortLift> cohorts,
                            CohortLift pooled, BriefSummary brief, LocalDate outcomesKnownTo, int windowDays) {
        if (!activation.activated() && brief.metric() == null) {
            return "Not measurable yet: this segment has no complete brief (hypothesis, success metric, owner), so it "
                    + "is never synced and there is no campaign to measure. Add a brief to activate it.";
        }
        if (!activation.activated()) {
            return "Not measured yet: this segment has never been sent to a destination, so there is nothing to "
                    + "compare against its holdout.";
        }
        if (pooled == null) {
            LocalDate firstSent = activation.firstSync() == null ? null
                    : LocalDate.ofInstant(activation.firstSync(), java.time.ZoneOffset.UTC);
            if (firstSent != null && firstSent.isAfter(outcomesKnownTo)) {
                return "Not measured yet: the segment was first sent on " + firstSent + ", after the latest orders in "
                        + "the warehouse (" + outcomesKnownTo + "). Its lift appears once " + windowDays
                        + " days of orders after its members were assigned have been loaded.";
            }
            return "Not measured yet: the segment has been sent, but no members are recorded in its holdout cohorts "
                    + "up to " + outcomesKnownTo + ".";
        }
        boolean rate = outcome != SuccessMetric.Outcome.REVENUE;
        String metric = rate ? "bought" : "spent";
        String window = brief.windowDays() == null ? "" : " within " + brief.windowDays() + " days";
        LiftEstimate e = pooled.estimate();
        return switch (pooled.state()) {
            case NOT_ENOUGH_DATA -> "Too early to tell: only " + pooled.holdout().n() + " holdout and "
                    + pooled.treatment().n() + " treated members so far (at least " + LiftAssessor.DEFAULT_MIN_ARM
                    + " of each are needed before any comparison).";
            case WINDOW_NOT_COMPLETE -> "Wait: no cohort has finished its" + window.replace(" within", "")
                    + " window yet; the first closes on " + firstClose(cohorts) + ". Interim numbers are shown but "
                    + "would understate the outcome.";
            case POSITIVE -> "It worked. Members targeted by the campaign " + metric + " more than the holdout"
                    + window + ": " + value(rate, e.treatment()) + " against " + value(rate, e.holdout()) + " ("
                    + diff(rate, e.absolute()) + ", 95% range " + diff(rate, e.low()) + " to " + diff(rate, e.high())
                    + "). That is about " + incremental(pooled, rate) + "." + targetNote(pooled, rate, brief)
                    + perSentNote(pooled, rate);
            case NEGATIVE -> "It backfired. Members targeted by the campaign " + metric + " less than the holdout"
                    + window + ": " + value(rate, e.treatment()) + " against " + value(rate, e.holdout()) + " ("
                    + diff(rate, e.absolute()) + ", 95% range " + diff(rate, e.low()) + " to " + diff(rate, e.high())
                    + "). Consider pausing the sync and revisiting the message or the audience.";
            case INCONCLUSIVE -> "No clear effect yet. Treated members " + metric + " " + value(rate, e.treatment())
                    + " against " + value(rate, e.holdout()) + " for the holdout" + window + " ("
                    + diff(rate, e.absolute()) + "), but the 95% range " + diff(rate, e.low()) + " to "
                    + diff(rate, e.high()) + " includes zero." + powerNote(pooled, rate);
        };
    }

    private static LocalDate firstClose(List<CohortLift> cohorts) {
        return cohorts.stream().map(CohortLift::windowEnd).filter(d -> d != null).min(LocalDate::compareTo)
                .orElse(null);
    }

    private static String incremental(CohortLift c, boolean rate) {
        if (rate && c.incrementalConversions() != null) {
            return String.format(Locale.ROOT, "%,.0f extra buyers", c.incrementalConversions())
                    + (c.incrementalRevenue() == null ? "" : String.format(Locale.ROOT, " and %,.0f in extra revenue",
                    c.incrementalRevenue()));
        }
        return c.incrementalRevenue() == null ? "no measurable change"
                : String.format(Locale.ROOT, "%,.0f in extra revenue", c.incrementalRevenue());
    }

    private static String targetNote(CohortLift c, boolean rate, BriefSummary brief) {
        Power p = c.power();
        if (p == null || p.targetEffect() == null || brief.target() == null) return "";
        LiftEstimate e = c.estimate();
        if (e.low() >= p.targetEffect()) {
            return " It beat the target of " + brief.target() + ".";
        }
        if (e.high() < p.targetEffect()) {
            return " It fell short of the target of " + brief.target() + " (" + diff(rate, p.targetEffect()) + ").";
        }
        return " The target of " + brief.target() + " is within the range: it may or may not have been met.";
    }

    private static String perSentNote(CohortLift c, boolean rate) {
        LiftEstimate s = c.perSent();
        if (s == null || c.exposed() == null || c.exposed() >= c.treatment().n()) return "";
        return String.format(Locale.ROOT, " Only %,d of the %,d treated members could be reached; per member actually "
                + "sent the effect is %s (95%% range %s to %s).", c.exposed(), c.treatment().n(),
                diff(rate, s.absolute()), diff(rate, s.low()), diff(rate, s.high()));
    }

    private static String powerNote(CohortLift c, boolean rate) {
        Power p = c.power();
        if (p == null || p.requiredHoldout() == null) return "";
        if (p.reached()) {
            return " The test had enough members to detect the target effect, so an effect that large is unlikely.";
        }
        return String.format(Locale.ROOT, " To detect the target effect reliably it needs about %,d holdout and %,d "
                        + "treated members; it has %,d and %,d so far. Keep the holdout running.",
                p.requiredHoldout(), p.requiredTreatment(), c.holdout().n(), c.treatment().n());
    }

    /** A rate as a percentage, or money per member. */
    public static String value(boolean rate, double v) {
        return rate ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : String.format(Locale.ROOT, "%,.2f per member", v);
    }

    /** A difference as signed percentage points, or signed money per member. */
    public static String diff(boolean rate, double v) {
        return rate ? String.format(Locale.ROOT, "%+.1f pts", 100 * v) : String.format(Locale.ROOT, "%+,.2f", v);
    }
}
