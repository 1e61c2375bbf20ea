package io.seglift.config.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.config.read.Keys;

import static io.seglift.config.schema.ProjectSchema.checkKeys;
import static io.seglift.config.schema.Schemas.closed;
import static io.seglift.config.schema.Schemas.integer;
import static io.seglift.config.schema.Schemas.namedMap;
import static io.seglift.config.schema.Schemas.object;
import static io.seglift.config.schema.Schemas.ref;
import static io.seglift.config.schema.Schemas.string;

/** {@code scoring:} as a schema. */
final class ScoringSchema {
    private ScoringSchema() {
    }

    static ObjectNode scoring() {
        ObjectNode p = object();
        ObjectNode audit = object();
        audit.set("min_purchases", integer("Purchases in the window to qualify (default 2).", 1, 1000));
        audit.set("window_months", integer("Trailing window in months (default 12).", 1, 120));
        audit.set("min_qualified", integer("Qualified customers needed for models (default 1000).", 1, Integer.MAX_VALUE));
        audit.set("min_history_months", integer("Months of history needed for models (default 6).", 0, 120));
        checkKeys(audit, Keys.AUDIT);
        p.set("audit", closed("What makes data ready for a model.", audit));
        p.set("rfm", rfm());
        p.set("models", namedMap("Propensity models by name; the name is the score column.", model()));
        p.set("clv", clv());
        p.set("clusters", clusters());
        checkKeys(p, Keys.SCORING);
        return closed("Audit thresholds, RFM, propensity models and clustering.", p);
    }

    private static ObjectNode clusters() {
        ObjectNode p = object();
        ObjectNode features = object().put("type", "array").put("description", "Member-profile columns clustered "
                + "(default: recency_days, frequency, monetary_avg).");
        features.set("items", ref("identifier", null));
        p.set("features", features);
        ObjectNode k = object();
        k.set("min", integer("Smallest k tried (default 2).", 2, 50));
        k.set("max", integer("Largest k tried (default 8).", 2, 50));
        checkKeys(k, Keys.CLUSTERS_K);
        p.set("k", closed("The range of k; the best silhouette wins.", k));
        p.set("sample", integer("Customers sampled to fit on (default 20000).", 100, 1_000_000));
        p.set("restarts", integer("k-means++ restarts per fit (default 10).", 1, 1000));
        p.set("seed", integer("Seed of the sample, restarts and bootstrap (default 1).", Long.MIN_VALUE, Long.MAX_VALUE));
        p.set("log", Schemas.describe(object().put("type", "boolean"), "Cluster ln(1 + x) instead of x (default true)."));
        checkKeys(p, Keys.CLUSTERS);
        return closed("k-means clustering, refused when unstable.", p);
    }

    private static ObjectNode clv() {
        ObjectNode p = object();
        p.set("horizon_months", integer("Months ahead for expected purchases and CLV (default 12).", 1, 120));
        p.set("discount_rate", Schemas.number("Annual discount rate for CLV, 0 to below 1 (default 0)."));
        p.set("calibration_end", string("Last day (YYYY-MM-DD) of the fit period; later days up to the as-of date are the holdout."));
        p.set("holdout_weeks", integer("Without calibration_end: weeks before the as-of date held out (default 0).", 0, 520));
        checkKeys(p, Keys.CLV);
        return closed("Customer lifetime value (BG/NBD + Gamma-Gamma).", p);
    }

    private static ObjectNode rfm() {
        ObjectNode p = object();
        p.set("bins", integer("Score bins (default 5).", 2, 10));
        ObjectNode rule = object();
        rule.set("name", string("Segment name."));
        rule.set("rule", ref("sql", "SQL boolean over r_score, f_score, m_score."));
        checkKeys(rule, Keys.RFM_SEGMENT);
        ObjectNode segments = object().put("type", "array")
                .put("description", "Named RFM segments; first match wins; default: the conventional map.");
        segments.set("items", closed(null, rule, "name", "rule"));
        p.set("segments", segments);
        checkKeys(p, Keys.RFM);
        return closed("RFM settings.", p);
    }

    private static ObjectNode model() {
        ObjectNode p = object();
        ObjectNode target = object();
        target.set("churn_within_days", integer("Predict no purchase within N days.", 1, 3650));
        target.set("purchase_within_days", integer("Predict a purchase within N days.", 1, 3650));
        ObjectNode label = object();
        label.set("table", ref("table", "Table with one row per customer."));
        label.set("key", ref("identifier", "Its customer key column."));
        label.set("column", ref("identifier", "The label column."));
        label.set("positive", string("The value meaning positive, e.g. Yes."));
        checkKeys(label, Keys.LABEL);
        target.set("label", closed("An outcome column you already have.", label, "table", "key", "column", "positive"));
        checkKeys(target, Keys.MODEL_TARGET);
        ObjectNode t = closed("Exactly one of churn_within_days, purchase_within_days, label.", target);
        t.put("minProperties", 1).put("maxProperties", 1);
        p.set("target", t);
        ObjectNode features = object().put("type", "array").put("description", "Feature groups (default: all; "
                + "engagement needs sources.events).");
        ObjectNode items = object();
        Keys.FEATURES.forEach(items.putArray("enum")::add);
        features.set("items", items);
        p.set("features", features);
        p.set("sql_features", namedMap("Extra features: name -> SQL over the customers table (alias c).",
                ref("sql", null)));
        ObjectNode params = Schemas.describe(object().put("type", "object"), "XGBoost parameter overrides, e.g. "
                + "{max_depth: 4, eta: 0.1}.");
        params.putObject("additionalProperties").putArray("type").add("number").add("string").add("boolean");
        p.set("params", params);
        checkKeys(p, Keys.MODEL);
        return closed("A propensity model.", p, "target");
    }
}
