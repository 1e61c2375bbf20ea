package io.seglift.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code brief.success_metric}.
 *
 * @param name       metric name shown in reports, e.g. {@code reactivated_30d}
 * @param outcome    {@code purchase} (conversion rate) or {@code revenue} (revenue per member)
 * @param windowDays days after first exposure in which the outcome counts
 * @param target     the effect the campaign must reach to be worth it, as written (e.g. {@code +3pp}, {@code +10%},
 *                   {@code +5.00})
 */
public record SuccessMetric(Optional<String> name, Optional<Outcome> outcome, Optional<Integer> windowDays,
                            Optional<Target> target) {

    /** What is measured. */
    public enum Outcome { PURCHASE, REVENUE }

    /**
     * A target effect. {@code PP}: percentage points of conversion rate (0.03 for +3pp); {@code RELATIVE}: relative
     * change (0.10 for +10%); {@code ABSOLUTE}: per-member revenue difference.
     */
    public record Target(double value, Unit unit, String text) {
        public enum Unit { PP, RELATIVE, ABSOLUTE }

        /** Parses {@code +3pp}, {@code 3pp}, {@code +10%}, {@code 5.00}; throws with the allowed forms. */
        public static Target parse(String text) {
            String t = text.trim().replace(" ", "");
            try {
                if (t.endsWith("pp")) return new Target(Double.parseDouble(t.substring(0, t.length() - 2)) / 100.0, Unit.PP, text);
                if (t.endsWith("%")) return new Target(Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0, Unit.RELATIVE, text);
                return new Target(Double.parseDouble(t), Unit.ABSOLUTE, text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a target (allowed: +3pp, +10%, +5.00)");
            }
        }
    }

    List<String> missing() {
        List<String> m = new ArrayList<>();
        if (name.isEmpty()) m.add("brief.success_metric.name");
        if (outcome.isEmpty()) m.add("brief.success_metric.outcome");
        if (windowDays.isEmpty()) m.add("brief.success_metric.window_days");
        if (target.isEmpty()) m.add("brief.success_metric.target");
        return m;
    }
}
