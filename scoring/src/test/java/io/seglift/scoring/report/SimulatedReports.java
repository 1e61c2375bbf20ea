package io.seglift.scoring.report;

import io.seglift.scoring.measure.MeasurementReport;
import io.seglift.scoring.measure.SimulatedShopAccess;

/** A report over the simulated shop, shared by the rendering tests. */
final class SimulatedReports {
    private static MeasurementReport cached;

    private SimulatedReports() {
    }

    static synchronized MeasurementReport report() {
        if (cached == null) cached = SimulatedShopAccess.report(42);
        return cached;
    }
}
