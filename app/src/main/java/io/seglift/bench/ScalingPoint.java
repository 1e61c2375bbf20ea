package io.seglift.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step at one size of the scaling run.
 *
 * @param customers generated customers (10 orders each)
 * @param step      rfm, segments, plan or scoring
 * @param seconds   wall time
 * @param peakHeap  peak heap bytes during the step ({@link HeapPeak})
 */
public record ScalingPoint(long customers, String step, double seconds, long peakHeap) {

    public Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("customers", customers);
        o.put("step", step);
        o.put("seconds", Measurement.round(seconds));
        o.put("peak_heap_mib", Measurement.round(peakHeap / 1048576.0));
        return o;
    }
}
