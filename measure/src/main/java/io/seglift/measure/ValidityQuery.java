package io.seglift.measure;

import io.seglift.config.SegliftTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.config.ModelConfig;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predictive validity of propensity models: for the latest scoring whose horizon has passed by the report's as-of
 * date, the mean predicted score per decile against the observed rate of the target (purchase within the horizon after
 * the scoring date, or churn = no purchase in it), from {@link PurchaseFacts}.
 *
 * <p>Recalibration warning: the expected calibration error exceeds {@value #ECE_LIMIT}, or some decile's observed
 * rate falls outside its prediction's binomial interval at a family-wise 95% level (Bonferroni over the deciles, so a
 * well-calibrated model is flagged by chance at most 5% of the time).
 */
public final class ValidityQuery {
    public static final double ECE_LIMIT = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Warehouse w;
    private final Dialect d;
    private final PurchaseFacts facts;

    public ValidityQuery(Warehouse warehouse, PurchaseFacts facts) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.facts = facts;
    }

    private record Scoring(String modelId, String modelName, LocalDate asOf) {
    }

    /** One entry per model named in the project (and scored), latest measurable scoring first choice. */
    public List<ModelValidity> models(Map<String, ModelConfig> configs, LocalDate asOf) {
        List<ModelValidity> out = new ArrayList<>();
        if (!w.tableExists(w.own(SegliftTables.MODEL_SCORES))) return out;
        List<Scoring> scorings = w.queryList("SELECT " + d.castText("model_id") + " AS model_id, "
                + d.castText("model_name") + " AS model_name, " + d.castDate("as_of") + " AS as_of FROM "
                + d.table(w.own(SegliftTables.MODEL_SCORES)) + " GROUP BY model_id, model_name, as_of ORDER BY model_name, as_of",
                List.of(), r -> new Scoring(r.string("model_id"), r.string("model_name"), r.date("as_of")));
        Map<String, List<Scoring>> byName = new LinkedHashMap<>();
        scorings.forEach(s -> byName.computeIfAbsent(s.modelName(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<Scoring>> e : byName.entrySet()) {
            ModelConfig config = configs.get(e.getKey());
            if (config == null) continue;
            out.add(validity(config, e.getValue(), asOf));
        }
        return out;
    }

    private ModelValidity validity(ModelConfig config, List<Scoring> scorings, LocalDate asOf) {
        ModelConfig.Target target = config.target();
        int horizon = target.horizonDays();
        String targetText = target.kind().name().toLowerCase(java.util.Locale.ROOT) + (target.kind() == ModelConfig.Target.Kind.LABEL ? ""
                : " within " + horizon + " days");
        Scoring latest = scorings.get(scorings.size() - 1);
        Map<String, Double> metrics = trainingMetrics(latest.modelId());
        if (target.kind() == ModelConfig.Target.Kind.LABEL) {
            return new ModelValidity(latest.modelId(), latest.modelName(), targetText, horizon, "NOT_OBSERVABLE",
                    latest.asOf(), null, List.of(), List.of(), null, false,
                    "a label-column target is not observable from orders; validity is the training metrics only",
                    metrics);
        }
        Optional<Scoring> measurable = scorings.stream().filter(s -> !s.asOf().plusDays(horizon).isAfter(asOf))
                .max(Comparator.comparing(Scoring::asOf));
        if (measurable.isEmpty()) {
            return new ModelValidity(latest.modelId(), latest.modelName(), targetText, horizon, "HORIZON_NOT_PASSED",
                    latest.asOf(), latest.asOf().plusDays(horizon), List.of(), List.of(), null, false,
                    "the " + horizon + "-day horizon of the scoring on " + latest.asOf() + " ends on "
                            + latest.asOf().plusDays(horizon) + "; outcomes are known up to " + asOf, metrics);
        }
        Scoring s = measurable.get();
        List<DecileCalibration> deciles = deciles(s, horizon, target.kind() == ModelConfig.Target.Kind.CHURN);
        long total = deciles.stream().mapToLong(DecileCalibration::n).sum();
        double ece = deciles.stream().mapToDouble(c -> (double) c.n() / total * Math.abs(c.observed() - c.predicted()))
                .sum();
        List<DecileCalibration> outside = deciles.stream().filter(DecileCalibration::outside).toList();
        long higher = outside.stream().filter(c -> c.observed() > c.predicted()).count();
        boolean recalibrate = ece > ECE_LIMIT || !outside.isEmpty();
        String reason = String.format(java.util.Locale.ROOT, "Expected calibration error %.3f (limit %.2f); ", ece,
                ECE_LIMIT) + (outside.isEmpty() ? "every decile's observed rate is within its predicted range."
                : "observed rate outside the predicted range in " + outside.size() + " of " + deciles.size()
                + " deciles (" + (higher == outside.size() ? "all higher than predicted"
                : higher == 0 ? "all lower than predicted" : higher + " higher, " + (outside.size() - higher)
                + " lower than predicted") + ": deciles " + String.join(", ",
                outside.stream().map(c -> String.valueOf(c.decile())).toList()) + ").");
        return new ModelValidity(s.modelId(), s.modelName(), targetText, horizon, "MEASURED", s.asOf(),
                s.asOf().plusDays(horizon), deciles, gains(deciles), ece, recalibrate, reason,
                trainingMetrics(s.modelId()));
    }

    private List<DecileCalibration> deciles(Scoring s, int horizon, boolean churn) {
        String asOf = d.dateLiteral(s.asOf());
        String end = d.addDays(asOf, String.valueOf(horizon));
        String sql = "WITH sc AS (SELECT " + d.castText("customer_key") + " AS customer_key, score, decile FROM "
                + d.table(w.own(SegliftTables.MODEL_SCORES)) + " WHERE " + d.castText("model_id") + " = ? AND "
                + d.castDate("as_of") + " = " + asOf + "), "
                + "b AS (SELECT DISTINCT customer_key FROM (" + facts.purchases(d.addDays(end, "1")) + ") p "
                + "WHERE purchase_date > " + asOf + " AND purchase_date <= " + end + ") "
                + "SELECT " + d.castBigint("sc.decile") + " AS decile, " + d.castBigint("COUNT(*)") + " AS n, "
                + d.castDouble("AVG(sc.score)") + " AS predicted, "
                + d.castBigint("SUM(CASE WHEN b.customer_key IS NOT NULL THEN 1 ELSE 0 END)") + " AS buyers "
                + "FROM sc LEFT JOIN b ON b.customer_key = sc.customer_key GROUP BY sc.decile ORDER BY sc.decile DESC";
        List<long[]> counts = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        w.query(sql, List.of(s.modelId()), r -> {
            counts.add(new long[]{r.longValue("decile"), r.longValue("n"), r.longValue("buyers")});
            predicted.add(r.doubleValue("predicted"));
        });
        double z = Normal.quantile(1 - 0.05 / (2.0 * Math.max(1, counts.size())));
        List<DecileCalibration> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long[] c = counts.get(i);
            long positives = churn ? c[1] - c[2] : c[2];
            double p = predicted.get(i);
            double observed = (double) positives / c[1];
            double half = z * Math.sqrt(p * (1 - p) / c[1]) + 0.5 / c[1];
            double low = Math.max(0, p - half);
            double high = Math.min(1, p + half);
            out.add(new DecileCalibration((int) c[0], c[1], p, observed, low, high, observed < low || observed > high));
        }
        return out;
    }

    /** Cumulative gains from the highest decile down. */
    static List<GainsPoint> gains(List<DecileCalibration> byDecileDescending) {
        long n = byDecileDescending.stream().mapToLong(DecileCalibration::n).sum();
        double positives = byDecileDescending.stream().mapToDouble(c -> c.observed() * c.n()).sum();
        List<GainsPoint> out = new ArrayList<>();
        out.add(new GainsPoint(0, 0, 0));
        long seen = 0;
        double captured = 0;
        int k = 0;
        for (DecileCalibration c : byDecileDescending) {
            seen += c.n();
            captured += c.observed() * c.n();
            k++;
            out.add(new GainsPoint(k, (double) seen / n, positives == 0 ? 0 : captured / positives));
        }
        return out;
    }

    private Map<String, Double> trainingMetrics(String modelId) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!w.tableExists(w.own(SegliftTables.MODELS))) return out;
        Optional<String> json = w.queryOne("SELECT " + d.castText("metrics") + " AS metrics FROM "
                + d.table(w.own(SegliftTables.MODELS)) + " WHERE " + d.castText("model_id") + " = ?", List.of(modelId),
                r -> r.string("metrics"));
        if (json.isEmpty() || json.get() == null) return out;
        try {
            JsonNode node = JSON.readTree(json.get());
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isNumber()) out.put(f.getKey(), f.getValue().asDouble());
            });
        } catch (Exception e) {
            out.clear();
        }
        return out;
    }
}
