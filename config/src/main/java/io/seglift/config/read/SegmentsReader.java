package io.seglift.config.read;

import io.seglift.config.ActivationBrief;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SqlFragment;
import io.seglift.config.SuccessMetric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code segments:}; an incomplete brief is a warning, not an error (the segment can be built, not synced). */
public final class SegmentsReader {
    /** Default share held out. */
    public static final double DEFAULT_HOLDOUT = 0.10;
    /** Largest share that may be held out. */
    public static final double MAX_HOLDOUT = 0.5;

    private SegmentsReader() {
    }

    /** @param destinations names under {@code destinations:}, which {@code brief.channel} may refer to */
    public static Optional<Map<String, SegmentConfig>> read(YamlMap m, Set<String> destinations) {
        Map<String, SegmentConfig> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            YamlValue v = e.getValue();
            Optional<SegmentConfig> s = NameCheck.identifier(v, e.getKey(), "segment name")
                    .flatMap(name -> v.map().flatMap(sm -> segment(name, sm, destinations)));
            if (s.isPresent()) {
                out.put(e.getKey(), s.get());
                List<String> missing = s.get().briefProblems();
                if (!missing.isEmpty()) {
                    m.context().problems().warn(v.anchor(), v.path(), "the activation brief is incomplete, so this "
                            + "segment will not be synced; missing: " + String.join(", ", missing));
                }
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<SegmentConfig> segment(String name, YamlMap m, Set<String> destinations) {
        m.allow(Keys.SEGMENT);
        var rule = m.required("rule").flatMap(v -> v.sql(SqlFragment.Kind.SEGMENT_RULE));
        var holdout = m.get("holdout").map(SegmentsReader::holdout).orElse(Optional.of(DEFAULT_HOLDOUT));
        var salt = m.get("salt").map(YamlValue::nonBlank).orElse(Optional.of(name));
        Optional<Optional<String>> description = m.get("description").map(v -> v.text().map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Optional<ActivationBrief>> brief = m.get("brief")
                .map(v -> v.map().flatMap(b -> brief(b, destinations)).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (rule.isEmpty() || holdout.isEmpty() || salt.isEmpty() || description.isEmpty() || brief.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SegmentConfig(name, rule.get(), holdout.get(), salt.get(), description.get(),
                brief.get()));
    }

    /** {@code 10%} or {@code 0.1}; 0 to 50%. */
    static Optional<Double> holdout(YamlValue v) {
        return v.text().flatMap(t -> {
            String s = t.trim();
            boolean percent = s.endsWith("%");
            double fraction;
            try {
                double n = Double.parseDouble(percent ? s.substring(0, s.length() - 1).trim() : s);
                fraction = percent ? n / 100.0 : n;
            } catch (NumberFormatException e) {
                v.error(v.shown(t) + " is not a holdout (allowed: a percentage such as 10% or a fraction such as 0.1, "
                        + "from 0 to 50%)");
                return Optional.empty();
            }
            if (!(fraction >= 0 && fraction <= MAX_HOLDOUT)) {
                v.error("holdout " + v.shown(t) + " is outside 0 to 50% (write 10% or 0.1" + (percent ? "" : "; a whole "
                        + "number is read as a fraction, not a percentage") + ")");
                return Optional.empty();
            }
            return Optional.of(fraction);
        });
    }

    private static Optional<ActivationBrief> brief(YamlMap m, Set<String> destinations) {
        m.allow(Keys.BRIEF);
        Optional<List<String>> channel = m.get("channel").map(v -> channel(v, destinations))
                .orElse(Optional.of(List.of()));
        Optional<Optional<String>> hypothesis = optionalText(m, "hypothesis");
        Optional<Optional<String>> owner = optionalText(m, "owner");
        Optional<Optional<SuccessMetric>> metric = m.get("success_metric")
                .map(v -> v.map().flatMap(SegmentsReader::metric).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (channel.isEmpty() || hypothesis.isEmpty() || owner.isEmpty() || metric.isEmpty()) return Optional.empty();
        return Optional.of(new ActivationBrief(channel.get(), hypothesis.get(), metric.get(), owner.get()));
    }

    private static Optional<List<String>> channel(YamlValue v, Set<String> destinations) {
        List<YamlValue> items = v.node() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ? List.of(v)
                : v.list().orElse(null);
        if (items == null) return Optional.empty();
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YamlValue item : items) {
            Optional<String> name = item.nonBlank();
            if (name.isEmpty()) {
                ok = false;
            } else if (!destinations.contains(name.get())) {
                item.error(References.unknown("destination", name.get(), destinations));
                ok = false;
            } else {
                out.add(name.get());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<SuccessMetric> metric(YamlMap m) {
        m.allow(Keys.SUCCESS_METRIC);
        var name = optionalText(m, "name");
        Optional<Optional<SuccessMetric.Outcome>> outcome = m.get("outcome")
                .map(v -> v.choice(SourcesReader.enumValues(SuccessMetric.Outcome.values())).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Optional<Integer>> window = m.get("window_days")
                .map(v -> v.integer(1, 3650).map(Long::intValue).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Optional<SuccessMetric.Target>> target = m.get("target")
                .map(v -> target(v).map(Optional::of)).orElse(Optional.of(Optional.empty()));
        if (name.isEmpty() || outcome.isEmpty() || window.isEmpty() || target.isEmpty()) return Optional.empty();
        return Optional.of(new SuccessMetric(name.get(), outcome.get(), window.get(), target.get()));
    }

    private static Optional<SuccessMetric.Target> target(YamlValue v) {
        return v.nonBlank().flatMap(t -> {
            try {
                return Optional.of(SuccessMetric.Target.parse(t));
            } catch (IllegalArgumentException e) {
                v.error(v.shown(t) + " is not a target (allowed: +3pp, +10%, +5.00)");
                return Optional.empty();
            }
        });
    }

    private static Optional<Optional<String>> optionalText(YamlMap m, String key) {
        return m.get(key).map(v -> v.text().map(String::trim).filter(t -> !t.isEmpty()).map(Optional::of)
                .or(() -> Optional.of(Optional.empty()))).orElse(Optional.of(Optional.empty()));
    }
}
