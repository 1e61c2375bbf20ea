package io.seglift.report;

import io.seglift.measure.MeasurementReport;
import io.seglift.measure.SimulatedShopAccess;

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
