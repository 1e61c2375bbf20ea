package io.seglift.scoring.propensity.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Keeps the first trees of a gbtree model in XGBoost's JSON format (XGBoost4J has no {@code slice}): the trees, their
 * {@code tree_info}, {@code iteration_indptr} and {@code num_trees} are cut together. One tree per round
 * ({@code binary:logistic}, {@code num_parallel_tree} 1).
 */
final class BoosterCut {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoosterCut() {
    }

    /** The model JSON with only its first {@code keep} trees. */
    static byte[] firstTrees(byte[] modelJson, int keep) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(modelJson);
        ObjectNode model = gbtree(root);
        ArrayNode trees = (ArrayNode) model.path("trees");
        if (keep >= trees.size()) {
            return modelJson;
        }
        cut(trees, keep);
        cut((ArrayNode) model.path("tree_info"), keep);
        JsonNode indptr = model.path("iteration_indptr");
        if (indptr instanceof ArrayNode a) {
            cut(a, keep + 1);
        }
        ((ObjectNode) model.path("gbtree_model_param")).put("num_trees", Integer.toString(keep));
        return JSON.writeValueAsBytes(root);
    }

    /** How many trees the model holds. */
    static int trees(byte[] modelJson) throws IOException {
        return gbtree((ObjectNode) JSON.readTree(modelJson)).path("trees").size();
    }

    private static ObjectNode gbtree(ObjectNode root) {
        JsonNode model = root.path("learner").path("gradient_booster").path("model");
        if (!(model instanceof ObjectNode o) || !model.path("trees").isArray()) {
            throw new IllegalStateException("not a gbtree model: learner.gradient_booster.model.trees is missing");
        }
        return o;
    }

    private static void cut(ArrayNode a, int keep) {
        while (a.size() > keep) {
            a.remove(a.size() - 1);
        }
    }
}
