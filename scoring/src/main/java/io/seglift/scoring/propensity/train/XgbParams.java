package io.seglift.scoring.propensity.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XGBoost parameters: Seglift's defaults, then the model's {@code params} overrides. Two keys are Seglift's own and
 * never passed to XGBoost: {@code num_round} (most boosting rounds, default {@value #DEFAULT_ROUNDS}) and
 * {@code early_stopping_rounds} (default {@value #DEFAULT_EARLY_STOP}).
 * {@code scale_pos_weight} defaults to negatives / positives of the training rows.
 */
public final class XgbParams {
    public static final int DEFAULT_ROUNDS = 400;
    public static final int DEFAULT_EARLY_STOP = 25;

    private final Map<String, Object> booster;
    private final int rounds;
    private final int earlyStop;

    private XgbParams(Map<String, Object> booster, int rounds, int earlyStop) {
        this.booster = booster;
        this.rounds = rounds;
        this.earlyStop = earlyStop;
    }

    /** Defaults, {@code scale_pos_weight} from the class balance, then {@code overrides}. */
    public static XgbParams of(Map<String, Object> overrides, long positives, long negatives) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
        p.put("tree_method", "hist");
        p.put("eta", 0.1);
        p.put("max_depth", 5);
        p.put("min_child_weight", 1.0);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("lambda", 1.0);
        p.put("seed", 42);
        p.put("nthread", 2);
        p.put("scale_pos_weight", positives == 0 ? 1.0 : Math.max(1e-3, (double) negatives / positives));
        int rounds = DEFAULT_ROUNDS;
        int early = DEFAULT_EARLY_STOP;
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            switch (e.getKey()) {
                case "num_round" -> rounds = intOf(e);
                case "early_stopping_rounds" -> early = intOf(e);
                case "objective" -> {
                    if (!"binary:logistic".equals(String.valueOf(e.getValue()))) {
                        throw new IllegalArgumentException("params.objective: only binary:logistic is supported");
                    }
                }
                default -> p.put(e.getKey(), e.getValue());
            }
        }
        return new XgbParams(Map.copyOf(p), rounds, early);
    }

    private static int intOf(Map.Entry<String, Object> e) {
        try {
            return Integer.parseInt(String.valueOf(e.getValue()).trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("params." + e.getKey() + ": '" + e.getValue() + "' is not a whole number");
        }
    }

    public Map<String, Object> booster() {
        return booster;
    }

    public int rounds() {
        return rounds;
    }

    public int earlyStop() {
        return earlyStop;
    }

    /** The weight given to positives, for the intercept correction. */
    public double scalePosWeight() {
        return Double.parseDouble(String.valueOf(booster.get("scale_pos_weight")));
    }

    /** Everything, Seglift's keys included, for the model's metadata. */
    public Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>(new java.util.TreeMap<>(booster));
        all.put("num_round", rounds);
        all.put("early_stopping_rounds", earlyStop);
        return all;
    }
}
