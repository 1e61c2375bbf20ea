package io.seglift.scoring.clv;

/**
 * One customer's scores from the fitted models: P(alive), expected purchase days over the horizon, expected order
 * value and CLV. CLV is expected purchases times expected order value; with a discount rate, each month's expected
 * purchases (the difference of the cumulative expectation at its end and start) are discounted at the monthly
 * equivalent {@code (1 + annual)^(1/12) - 1} of the annual rate. A month is {@value #WEEKS_PER_MONTH} weeks.
 */
public record CustomerValue(double pAlive, double expectedPurchases, double expectedAov, double clv) {
    /** 365.25 / 12 / 7. */
    public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    /** The scores of a customer with summary (x, tx, T, m). Expected order value and CLV are NaN when spend has no finite mean. */
    public static CustomerValue of(BgNbdParams bg, GammaGammaParams gg, double x, double tx, double age, double m,
                                   int horizonMonths, double annualDiscount) {
        double pAlive = BgNbd.pAlive(bg, x, tx, age);
        double purchases = BgNbd.expectedPurchases(bg, horizonMonths * WEEKS_PER_MONTH, x, tx, age);
        double aov = GammaGamma.expectedAverageValue(gg, x, m);
        double discounted;
        if (annualDiscount == 0) {
            discounted = purchases;
        } else {
            double monthly = Math.pow(1 + annualDiscount, 1.0 / 12) - 1;
            discounted = 0;
            double previous = 0;
            for (int month = 1; month <= horizonMonths; month++) {
                double cumulative = BgNbd.expectedPurchases(bg, month * WEEKS_PER_MONTH, x, tx, age);
                discounted += (cumulative - previous) / Math.pow(1 + monthly, month);
                previous = cumulative;
            }
        }
        return new CustomerValue(pAlive, purchases, aov, discounted * aov);
    }
}
