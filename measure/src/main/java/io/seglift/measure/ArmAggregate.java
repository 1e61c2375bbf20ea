package io.seglift.measure;

/**
 * What the warehouse returns for one arm of one cohort: members, members who converted, and the sum and sum of
 * squares of the per-member outcome value (revenue in the window).
 */
public record ArmAggregate(long n, long conversions, double sum, double sumSquares) {
    public static final ArmAggregate EMPTY = new ArmAggregate(0, 0, 0, 0);

    public ArmAggregate {
        if (n < 0 || conversions < 0 || conversions > n) {
            throw new IllegalArgumentException("arm aggregate needs 0 <= conversions <= n, got n=" + n
                    + ", conversions=" + conversions);
        }
    }

    public ArmAggregate plus(ArmAggregate o) {
        return new ArmAggregate(n + o.n, conversions + o.conversions, sum + o.sum, sumSquares + o.sumSquares);
    }

    public double rate() {
        return n == 0 ? Double.NaN : (double) conversions / n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample variance (n - 1 denominator) of the per-member value. */
    public double variance() {
        if (n < 2) return Double.NaN;
        double m = mean();
        return Math.max(0, (sumSquares - n * m * m) / (n - 1));
    }
}
