package io.seglift.scoring.propensity.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trees and intercept of a {@code binary:logistic} XGBoost model read from its JSON: the score of a row is
 * {@code logistic(logit(base_score) + sum of its leaves)}. XGBoost 2.x keeps {@code base_score} as a probability in
 * {@code learner.learner_model_param}.
 */
public record TreeEnsemble(List<Tree> trees, double baseMargin, int features) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TreeEnsemble {
        trees = List.copyOf(trees);
    }

    /** Parses XGBoost's JSON model; rejects what the compiler cannot express (other objectives, categorical splits). */
    public static TreeEnsemble parse(byte[] modelJson) {
        try {
            JsonNode learner = JSON.readTree(modelJson).path("learner");
            String objective = learner.path("objective").path("name").asText();
            if (!"binary:logistic".equals(objective)) {
                throw new IllegalArgumentException("only binary:logistic models compile to SQL (got '" + objective + "')");
            }
            JsonNode param = learner.path("learner_model_param");
            double base = Double.parseDouble(param.path("base_score").asText().replace("[", "").replace("]", ""));
            int nFeatures = param.path("num_feature").asInt();
            List<Tree> trees = new ArrayList<>();
            for (JsonNode t : learner.path("gradient_booster").path("model").path("trees")) {
                if (t.path("categories_nodes").size() > 0) {
                    throw new IllegalArgumentException("categorical splits cannot be compiled to SQL");
                }
                trees.add(new Tree(ints(t.path("left_children")), ints(t.path("right_children")),
                        ints(t.path("split_indices")), floats(t.path("split_conditions")), bools(t.path("default_left"))));
            }
            return new TreeEnsemble(trees, Math.log(base / (1 - base)), nFeatures);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(a.get(i).asText());
        }
        return out;
    }

    private static boolean[] bools(JsonNode a) {
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            out[i] = v.isBoolean() ? v.asBoolean() : v.asInt() != 0;
        }
        return out;
    }

    /** The margin of one row (NaN = missing), summing leaves in float as XGBoost does. */
    public double margin(double[] row) {
        float sum = 0f;
        for (Tree t : trees) {
            sum += t.leaf(row);
        }
        return (float) baseMargin + sum;
    }

    /** The probability of one row. */
    public double predict(double[] row) {
        return 1.0 / (1.0 + Math.exp(-margin(row)));
    }
}
