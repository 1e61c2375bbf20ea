package io.seglift.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an alert is about; {@link #code()} is how the project file ({@code alerts.on}) and the payload name it. */
public enum AlertKind {
    /** A sync run failed (destination down, warehouse error) or could not start. */
    SYNC_FAILED("sync_failed"),
    /** A run's rejected rows exceeded {@code alerts.rejected_share_above} of the rows it sent. */
    REJECTED_SHARE("rejected_share"),
    /** A segment build changed its membership more than {@link SegmentStability#FLAG_ABOVE}. */
    MEMBERSHIP_CHANGE("membership_change"),
    /** A segment's lift verdict differs from the one seen last time it was measured. */
    LIFT_VERDICT_CHANGE("lift_verdict_change");

    private final String code;

    AlertKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Every kind by its code, in declaration order. */
    public static Map<String, AlertKind> byCode() {
        Map<String, AlertKind> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(k -> m.put(k.code, k));
        return m;
    }
}
