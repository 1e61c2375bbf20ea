package io.seglift.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak JVM heap of one step: collects garbage, resets the peak usage of every heap pool, runs the step, and sums the
 * pools' peaks. The pools may peak at different moments, so the sum is an upper bound of the true peak.
 */
public final class HeapPeak {
    private HeapPeak() {
    }

    /** Seconds and peak heap bytes of {@code step}. */
    public record Result(double seconds, long peakBytes) {
    }

    public static Result measure(Alternation.Step step) throws Exception {
        step.prepare();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long t = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Result(seconds, peak);
    }
}
