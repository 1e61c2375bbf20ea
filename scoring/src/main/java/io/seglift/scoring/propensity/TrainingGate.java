package io.seglift.scoring.propensity;

import java.time.LocalDate;
import java.util.List;

/**
 * Decides whether the data is ready to train models as of a date (the readiness audit in production). Training is
 * refused with the reasons unless forced.
 */
@FunctionalInterface
public interface TrainingGate {

    /** The reasons training should not run; empty when it may. */
    List<String> blockers(LocalDate asOf);
}
