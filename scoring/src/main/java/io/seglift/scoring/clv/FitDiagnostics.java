package io.seglift.scoring.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration against holdout: customers grouped by their repeat purchase days in the calibration period (0..6, 7+),
 * with the mean purchase days BG/NBD predicts for the holdout period and the mean they made (Fader, Hardie &amp; Lee
 * 2005, figure 4).
 *
 * @param holdoutWeeks length of the holdout period in weeks (0: no holdout, no groups)
 * @param groups       one row per group with customers, in order 0..6, 7+
 * @param predicted    predicted holdout purchase days over all customers
 * @param actual       actual holdout purchase days over all customers
 */
public record FitDiagnostics(double holdoutWeeks, List<Group> groups, double predicted, double actual) {
    /** The last group holds this many calibration repeat purchases and more. */
    public static final int TOP = 7;

    public FitDiagnostics {
        groups = List.copyOf(groups);
    }

    /** One group: {@code label} is "0".."6" or "7+". */
    public record Group(String label, long customers, double predictedMean, double actualMean) {
    }

    /** The diagnostics of {@code params} over {@code s} for a holdout of {@code holdoutWeeks}. */
    public static FitDiagnostics of(BgNbdParams params, Summaries s, double holdoutWeeks) {
        if (holdoutWeeks <= 0) {
            return new FitDiagnostics(0, List.of(), 0, 0);
        }
        long[] n = new long[TOP + 1];
        double[] predicted = new double[TOP + 1];
        double[] actual = new double[TOP + 1];
        double totalPredicted = 0;
        double totalActual = 0;
        for (int i = 0; i < s.size(); i++) {
            int g = (int) Math.min(TOP, s.x(i));
            double e = BgNbd.expectedPurchases(params, holdoutWeeks, s.x(i), s.tx(i), s.age(i));
            n[g]++;
            predicted[g] += e;
            actual[g] += s.holdout(i);
            totalPredicted += e;
            totalActual += s.holdout(i);
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g <= TOP; g++) {
            if (n[g] > 0) {
                groups.add(new Group(g == TOP ? TOP + "+" : Integer.toString(g), n[g], predicted[g] / n[g], actual[g] / n[g]));
            }
        }
        return new FitDiagnostics(holdoutWeeks, groups, totalPredicted, totalActual);
    }
}
