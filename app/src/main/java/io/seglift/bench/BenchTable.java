package io.seglift.bench;

import java.util.List;
import java.util.Locale;

/** The text table of bench results. */
public final class BenchTable {
    private BenchTable() {
    }

    public static String render(List<Measurement> results) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s %12s %12s %8s %12s  %s%n", "MEASURE",
                "SEGLIFT_S", "BASELINE_S", "RATIO", "ROWS", "TARGET"));
        for (Measurement m : results) {
            b.append(String.format(Locale.ROOT, "%-22s %12.3f %12.3f %8s %,12d  %s%n", m.measure(), m.seglift(),
                    m.baseline(), Double.isNaN(m.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", m.ratio()),
                    m.rows(), m.target()));
        }
        return b.toString();
    }

    /** The scaling run: one row per size and step. */
    public static String scaling(List<ScalingPoint> points) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%12s  %-10s %10s %14s%n", "CUSTOMERS", "STEP",
                "SECONDS", "PEAK_HEAP_MIB"));
        for (ScalingPoint p : points) {
            b.append(String.format(Locale.ROOT, "%,12d  %-10s %10.3f %14.1f%n", p.customers(), p.step(), p.seconds(),
                    p.peakHeap() / 1048576.0));
        }
        return b.toString();
    }
}
