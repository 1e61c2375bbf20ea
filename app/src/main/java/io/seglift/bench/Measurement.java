package io.seglift.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measure's result: medians of the Seglift step and of its baseline, in seconds.
 *
 * @param measure  name, e.g. {@code rfm}
 * @param seglift  median seconds of the Seglift step
 * @param baseline median seconds of the hand-written baseline
 * @param rows     rows the step worked on (customers, members, training rows)
 * @param target   the target for the ratio, as text
 */
public record Measurement(String measure, double seglift, double baseline, long rows, String target) {

    public double ratio() {
        return Medians.ratio(seglift, baseline);
    }

    /** The JSON object: {@code measure, seglift_seconds, baseline_seconds, ratio}, then {@code rows, target}. */
    public Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("measure", measure);
        o.put("seglift_seconds", round(seglift));
        o.put("baseline_seconds", round(baseline));
        o.put("ratio", Double.isNaN(ratio()) ? null : round(ratio()));
        o.put("rows", rows);
        o.put("target", target);
        return o;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
