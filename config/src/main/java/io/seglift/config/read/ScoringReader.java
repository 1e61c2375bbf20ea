package io.seglift.config.read;

import io.seglift.config.AuditConfig;
import io.seglift.config.ClustersConfig;
import io.seglift.config.ClvConfig;
import io.seglift.config.ModelConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SqlFragment;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code scoring:}; every part is optional and has defaults. */
public final class ScoringReader {
    private ScoringReader() {
    }

    public static ScoringConfig defaults() {
        return new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of());
    }

    /**
     * @param hasEvents whether {@code sources.events} is configured (the engagement features need it)
     * @param hasOrders whether {@code sources.orders} is configured (purchase and churn targets need it)
     */
    public static Optional<ScoringConfig> read(YamlMap m, boolean hasEvents, boolean hasOrders) {
        m.allow(Keys.SCORING);
        var audit = m.get("audit").map(v -> v.map().flatMap(ScoringReader::audit))
                .orElse(Optional.of(AuditConfig.defaults()));
        var rfm = m.get("rfm").map(v -> v.map().flatMap(ScoringReader::rfm)).orElse(Optional.of(RfmConfig.defaults()));
        var models = m.get("models").map(v -> v.map().flatMap(mm -> models(mm, hasEvents, hasOrders)))
                .orElse(Optional.of(Map.of()));
        var clv = m.get("clv").map(v -> v.map().flatMap(ScoringReader::clv)).orElse(Optional.of(ClvConfig.defaults()));
        var clusters = m.get("clusters").map(v -> v.map().flatMap(ScoringReader::clusters))
                .orElse(Optional.of(ClustersConfig.defaults()));
        if (audit.isEmpty() || rfm.isEmpty() || models.isEmpty() || clv.isEmpty() || clusters.isEmpty()) return Optional.empty();
        return Optional.of(new ScoringConfig(audit.get(), rfm.get(), models.get(), clv.get(), clusters.get()));
    }

    private static Optional<ClvConfig> clv(YamlMap m) {
        m.allow(Keys.CLV);
        ClvConfig d = ClvConfig.defaults();
        var horizon = intOr(m, "horizon_months", d.horizonMonths(), 1, 120);
        Optional<Double> discount = m.get("discount_rate").map(v -> v.number().filter(x -> {
            if (x >= 0 && x < 1) return true;
            v.error(x + " is out of range (allowed: 0 to below 1, an annual rate such as 0.1)");
            return false;
        })).orElse(Optional.of(d.discountRate()));
        Optional<Optional<LocalDate>> calibrationEnd = m.get("calibration_end").map(v -> v.text().flatMap(t -> {
            try {
                return Optional.of(Optional.of(LocalDate.parse(t.trim())));
            } catch (DateTimeParseException e) {
                v.error("'" + t + "' is not a date (allowed: YYYY-MM-DD)");
                return Optional.<Optional<LocalDate>>empty();
            }
        })).orElse(Optional.of(Optional.empty()));
        var holdout = intOr(m, "holdout_weeks", d.holdoutWeeks(), 0, 520);
        if (horizon.isEmpty() || discount.isEmpty() || calibrationEnd.isEmpty() || holdout.isEmpty()) {
            return Optional.empty();
        }
        if (calibrationEnd.get().isPresent() && m.has("holdout_weeks")) {
            m.get("holdout_weeks").get().error("give calibration_end or holdout_weeks, not both");
            return Optional.empty();
        }
        return Optional.of(new ClvConfig(horizon.get(), discount.get(), calibrationEnd.get(), holdout.get()));
    }

    private static Optional<ClustersConfig> clusters(YamlMap m) {
        m.allow(Keys.CLUSTERS);
        ClustersConfig d = ClustersConfig.defaults();
        Optional<List<String>> features = m.get("features").map(ScoringReader::clusterFeatures)
                .orElse(Optional.of(d.features()));
        Optional<int[]> k = m.get("k").map(v -> v.map().flatMap(ScoringReader::clusterK))
                .orElse(Optional.of(new int[] {d.kMin(), d.kMax()}));
        var sample = intOr(m, "sample", d.sample(), 100, 1_000_000);
        var restarts = intOr(m, "restarts", d.restarts(), 1, 1000);
        Optional<Long> seed = m.get("seed").map(v -> v.integer(Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(Optional.of(d.seed()));
        Optional<Boolean> log = m.get("log").map(YamlValue::bool).orElse(Optional.of(d.log()));
        if (features.isEmpty() || k.isEmpty() || sample.isEmpty() || restarts.isEmpty() || seed.isEmpty()
                || log.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClustersConfig(features.get(), k.get()[0], k.get()[1], sample.get(), restarts.get(),
                seed.get(), log.get()));
    }

    /** Feature names are profile columns; which exist is known only in the warehouse, so here they must be names. */
    private static Optional<List<String>> clusterFeatures(YamlValue v) {
        Optional<List<YamlValue>> items = v.list();
        if (items.isEmpty()) return Optional.empty();
        if (items.get().isEmpty()) {
            v.error("no features given; name at least one profile column, e.g. [recency_days, frequency, monetary_avg]");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YamlValue item : items.get()) {
            Optional<String> name = item.identifier();
            if (name.isEmpty()) {
                ok = false;
            } else if (out.contains(name.get())) {
                item.error("feature '" + name.get() + "' is listed twice");
                ok = false;
            } else {
                out.add(name.get());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<int[]> clusterK(YamlMap m) {
        m.allow(Keys.CLUSTERS_K);
        ClustersConfig d = ClustersConfig.defaults();
        var min = intOr(m, "min", d.kMin(), 2, 50);
        var max = intOr(m, "max", Math.max(d.kMax(), min.orElse(2)), 2, 50);
        if (min.isEmpty() || max.isEmpty()) return Optional.empty();
        if (max.get() < min.get()) {
            m.context().problems().error(m.node(), m.path(), "k.max (" + max.get() + ") is below k.min (" + min.get()
                    + "); allowed: 2 <= min <= max <= 50");
            return Optional.empty();
        }
        return Optional.of(new int[] {min.get(), max.get()});
    }

    private static Optional<AuditConfig> audit(YamlMap m) {
        m.allow(Keys.AUDIT);
        AuditConfig d = AuditConfig.defaults();
        var minPurchases = intOr(m, "min_purchases", d.minPurchases(), 1, 1000);
        var window = intOr(m, "window_months", d.windowMonths(), 1, 120);
        var minQualified = intOr(m, "min_qualified", d.minQualified(), 1, Integer.MAX_VALUE);
        var history = intOr(m, "min_history_months", d.minHistoryMonths(), 0, 120);
        if (minPurchases.isEmpty() || window.isEmpty() || minQualified.isEmpty() || history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditConfig(minPurchases.get(), window.get(), minQualified.get(), history.get()));
    }

    private static Optional<RfmConfig> rfm(YamlMap m) {
        m.allow(Keys.RFM);
        var bins = intOr(m, "bins", RfmConfig.defaults().bins(), 2, 10);
        Optional<List<RfmConfig.RfmSegmentRule>> rules = m.get("segments")
                .map(v -> v.list().flatMap(ScoringReader::rfmSegments)).orElse(Optional.of(List.of()));
        if (bins.isEmpty() || rules.isEmpty()) return Optional.empty();
        return Optional.of(new RfmConfig(bins.get(), rules.get()));
    }

    private static Optional<List<RfmConfig.RfmSegmentRule>> rfmSegments(List<YamlValue> items) {
        List<RfmConfig.RfmSegmentRule> out = new ArrayList<>();
        boolean ok = true;
        for (YamlValue item : items) {
            Optional<YamlMap> m = item.map();
            if (m.isEmpty()) {
                ok = false;
                continue;
            }
            m.get().allow(Keys.RFM_SEGMENT);
            var name = m.get().required("name").flatMap(YamlValue::nonBlank);
            var rule = m.get().required("rule").flatMap(v -> v.sql(SqlFragment.Kind.RFM_SEGMENT_RULE));
            if (name.isPresent() && rule.isPresent()) out.add(new RfmConfig.RfmSegmentRule(name.get(), rule.get()));
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<Map<String, ModelConfig>> models(YamlMap m, boolean hasEvents, boolean hasOrders) {
        Map<String, ModelConfig> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            Optional<ModelConfig> model = NameCheck.identifier(e.getValue(), e.getKey(), "model name")
                    .flatMap(name -> e.getValue().map().flatMap(mm -> model(name, mm, hasEvents, hasOrders)));
            if (model.isPresent()) out.put(e.getKey(), model.get());
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<ModelConfig> model(String name, YamlMap m, boolean hasEvents, boolean hasOrders) {
        m.allow(Keys.MODEL);
        var target = m.required("target").flatMap(v -> v.map()).flatMap(t -> target(t, hasOrders));
        boolean label = target.map(t -> t.kind() == ModelConfig.Target.Kind.LABEL).orElse(false);
        var features = m.get("features").map(v -> features(v, hasEvents, label))
                .orElse(Optional.of(label ? List.of("label_table") : defaultFeatures(hasEvents)));
        Optional<Map<String, String>> sql = m.get("sql_features").map(v -> v.map().flatMap(ScoringReader::sqlFeatures))
                .orElse(Optional.of(Map.of()));
        Optional<Map<String, Object>> params = m.get("params").map(v -> v.map().flatMap(ScoringReader::params))
                .orElse(Optional.of(Map.of()));
        if (target.isEmpty() || features.isEmpty() || sql.isEmpty() || params.isEmpty()) return Optional.empty();
        return Optional.of(new ModelConfig(name, target.get(), features.get(), sql.get(), params.get()));
    }

    private static List<String> defaultFeatures(boolean hasEvents) {
        return hasEvents ? Keys.DATED_FEATURES
                : Keys.DATED_FEATURES.stream().filter(f -> !f.equals("engagement")).toList();
    }

    /** Label-column models have no cutoff, so only {@code label_table}; the others only the dated groups. */
    private static Optional<List<String>> features(YamlValue v, boolean hasEvents, boolean label) {
        Optional<List<YamlValue>> items = v.list();
        if (items.isEmpty()) return Optional.empty();
        Map<String, String> allowed = new LinkedHashMap<>();
        Keys.FEATURES.forEach(f -> allowed.put(f, f));
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YamlValue item : items.get()) {
            Optional<String> f = item.choice(allowed);
            if (f.isPresent() && f.get().equals("engagement") && !hasEvents) {
                item.error("the engagement features need sources.events (add it, or drop engagement)");
                ok = false;
            } else if (f.isPresent() && label != f.get().equals("label_table")) {
                item.error(label ? "'" + f.get() + "' is computed from orders as of a cutoff and a label-column model "
                        + "has none (allowed: label_table; add SQL over the customers table under sql_features)"
                        : "label_table is only for label-column models (target: label); allowed here: "
                        + String.join(", ", Keys.DATED_FEATURES));
                ok = false;
            } else if (f.isPresent()) {
                out.add(f.get());
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<ModelConfig.Target> target(YamlMap m, boolean hasOrders) {
        m.allow(Keys.MODEL_TARGET);
        List<String> given = Keys.MODEL_TARGET.stream().filter(m::has).toList();
        if (given.size() != 1) {
            m.context().problems().error(m.node(), m.path(), (given.isEmpty() ? "no target given" : "several targets "
                    + "given (" + String.join(", ", given) + ")") + "; give exactly one of: churn_within_days, "
                    + "purchase_within_days, label");
            return Optional.empty();
        }
        if (!hasOrders && !given.get(0).equals("label")) {
            m.get(given.get(0)).get().error(given.get(0) + " is computed from purchases: sources.orders is required "
                    + "for it (add sources.orders with table, customer, at and amount, or use a target: label)");
            return Optional.empty();
        }
        return switch (given.get(0)) {
            case "churn_within_days" -> m.get("churn_within_days").get().integer(1, 3650)
                    .map(d -> new ModelConfig.Target(ModelConfig.Target.Kind.CHURN, d.intValue(), Optional.empty()));
            case "purchase_within_days" -> m.get("purchase_within_days").get().integer(1, 3650)
                    .map(d -> new ModelConfig.Target(ModelConfig.Target.Kind.PURCHASE, d.intValue(), Optional.empty()));
            default -> m.get("label").get().map().flatMap(ScoringReader::label)
                    .map(l -> new ModelConfig.Target(ModelConfig.Target.Kind.LABEL, 0, Optional.of(l)));
        };
    }

    private static Optional<ModelConfig.LabelColumn> label(YamlMap m) {
        m.allow(Keys.LABEL);
        var table = m.required("table").flatMap(YamlValue::table);
        var key = m.required("key").flatMap(YamlValue::identifier);
        var column = m.required("column").flatMap(YamlValue::identifier);
        var positive = m.required("positive").flatMap(YamlValue::text);
        if (table.isEmpty() || key.isEmpty() || column.isEmpty() || positive.isEmpty()) return Optional.empty();
        return Optional.of(new ModelConfig.LabelColumn(table.get(), key.get(), column.get(), positive.get()));
    }

    private static Optional<Map<String, String>> sqlFeatures(YamlMap m) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            var name = NameCheck.identifier(e.getValue(), e.getKey(), "feature name");
            var sql = e.getValue().sql(SqlFragment.Kind.SQL_FEATURE);
            if (name.isPresent() && sql.isPresent()) out.put(name.get(), sql.get());
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<Map<String, Object>> params(YamlMap m) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            YamlValue v = e.getValue();
            if (!(v.node() instanceof ScalarNode)) {
                v.error("expected a number, true/false or text, found " + v.describe());
                ok = false;
                continue;
            }
            Optional<String> text = v.text();
            if (text.isEmpty()) {
                ok = false;
                continue;
            }
            out.put(e.getKey(), scalar(text.get()));
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Object scalar(String t) {
        if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e2) {
                return t;
            }
        }
    }

    static Optional<Integer> intOr(YamlMap m, String key, int fallback, int min, int max) {
        return m.get(key).map(v -> v.integer(min, max).map(Long::intValue)).orElse(Optional.of(fallback));
    }
}
