package io.seglift.scoring.audit;

import java.util.List;

/**
 * Whether the data supports one scoring method, and why (with the numbers).
 *
 * @param method    {@link #RFM}, {@link #PROPENSITY}, {@link #CLV} or {@link #CLUSTERING}
 * @param supported whether the method may be used
 * @param reasons   the reasons for the yes or the no
 */
public record MethodVerdict(String method, boolean supported, List<String> reasons) {
    public static final String RFM = "rfm";
    public static final String PROPENSITY = "propensity";
    public static final String CLV = "clv";
    public static final String CLUSTERING = "clustering";

    public MethodVerdict {
        reasons = List.copyOf(reasons);
    }
}
