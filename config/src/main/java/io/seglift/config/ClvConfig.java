package io.seglift.config;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code scoring.clv}: customer lifetime value (BG/NBD + Gamma-Gamma).
 *
 * @param horizonMonths   months ahead that expected purchases and CLV cover (default 12)
 * @param discountRate    annual discount rate applied month by month to CLV (default 0: undiscounted)
 * @param calibrationEnd  last day (inclusive) of the period the models are fitted on; the days after it, up to the
 *                        as-of date, are the holdout period of the fit diagnostics. Empty: derived from
 *                        {@code holdoutWeeks}
 * @param holdoutWeeks    with no {@code calibrationEnd}, the weeks before the as-of date held out (default 0: fit on
 *                        everything, no holdout diagnostics)
 */
public record ClvConfig(int horizonMonths, double discountRate, Optional<LocalDate> calibrationEnd, int holdoutWeeks) {

    public static ClvConfig defaults() {
        return new ClvConfig(12, 0, Optional.empty(), 0);
    }

    /** The last day of the calibration period for an as-of date (purchases before {@code asOf} count). */
    public LocalDate calibrationEndFor(LocalDate asOf) {
        return calibrationEnd.orElse(asOf.minusDays(1 + 7L * holdoutWeeks));
    }
}
