package io.seglift.measure;

/**
 * Treatment against holdout for one metric.
 *
 * @param treatment  treatment rate (conversions / members) or mean revenue per member
 * @param holdout    the same for the holdout
 * @param absolute   treatment - holdout (a rate difference in [−1, 1], or money per member)
 * @param relative   absolute / holdout, null when the holdout value is 0
 * @param low        lower bound of the 95% interval of {@code absolute}
 * @param high       upper bound of the 95% interval of {@code absolute}
 * @param pValue     two-sided p-value for "no difference"
 * @param method     how the interval was computed
 */
public record LiftEstimate(double treatment, double holdout, double absolute, Double relative, double low,
                           double high, double pValue, String method) {

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
