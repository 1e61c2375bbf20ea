package io.seglift.scoring.clv;

import java.time.Duration;
import java.time.LocalDate;

/**
 * One CLV run.
 *
 * @param asOf             the as-of date scored (purchases before it count)
 * @param calibrationEnd   last day of the fit period
 * @param fitCustomers     customers the models were fitted on (a seeded sample above {@link ClvScorer#MAX_FIT_CUSTOMERS})
 * @param calibrationCustomers buyers in the calibration period
 * @param bgNbd            purchase-process parameters (weeks)
 * @param gammaGamma       spend parameters
 * @param diagnostics      calibration against holdout
 * @param horizonMonths    months covered by expected purchases and CLV
 * @param discountRate     annual discount rate
 * @param scored           customers written to {@code clv_scores}
 * @param meanPAlive       mean P(alive) of the scored customers
 * @param totalClv         sum of CLV of the scored customers
 * @param elapsed          wall time
 */
public record ClvResult(LocalDate asOf, LocalDate calibrationEnd, int fitCustomers, long calibrationCustomers,
                        BgNbdParams bgNbd, GammaGammaParams gammaGamma, FitDiagnostics diagnostics, int horizonMonths,
                        double discountRate, long scored, double meanPAlive, double totalClv, Duration elapsed) {
}
