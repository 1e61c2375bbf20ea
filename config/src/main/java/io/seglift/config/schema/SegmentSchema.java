package io.seglift.config.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.config.read.Keys;

import java.util.List;

import static io.seglift.config.schema.ProjectSchema.checkKeys;
import static io.seglift.config.schema.Schemas.closed;
import static io.seglift.config.schema.Schemas.enumeration;
import static io.seglift.config.schema.Schemas.integer;
import static io.seglift.config.schema.Schemas.object;
import static io.seglift.config.schema.Schemas.ref;
import static io.seglift.config.schema.Schemas.string;
import static io.seglift.config.schema.Schemas.stringList;

/** One entry of {@code segments:} as a schema. */
final class SegmentSchema {
    private SegmentSchema() {
    }

    static ObjectNode segment() {
        ObjectNode p = object();
        p.set("rule", ref("sql", "SQL boolean over the member profile."));
        ObjectNode holdout = object().put("description", "Share held out: 10% or 0.1; 0 to 50% (default 10%).");
        ArrayNode any = holdout.putArray("anyOf");
        any.addObject().put("type", "number").put("minimum", 0).put("maximum", 0.5);
        any.addObject().put("type", "string").put("pattern", "^\\s*\\d+(\\.\\d+)?\\s*%\\s*$");
        p.set("holdout", holdout);
        p.set("salt", string("Holdout salt (default: the segment name); changing it reshuffles the holdout."));
        p.set("description", string("Free text."));
        p.set("brief", brief());
        checkKeys(p, Keys.SEGMENT);
        return closed("A segment.", p, "rule");
    }

    private static ObjectNode brief() {
        ObjectNode p = object();
        p.set("channel", stringList("Destination names the segment is activated in."));
        p.set("hypothesis", string("One sentence: who, what, why."));
        ObjectNode m = object();
        m.set("name", string("Metric name shown in reports."));
        m.set("outcome", enumeration("purchase (conversion rate) or revenue (per member).",
                List.of("purchase", "revenue")));
        m.set("window_days", integer("Days after first exposure in which the outcome counts.", 1, 3650));
        m.set("target", string("The effect worth reaching: +3pp, +10% or +5.00.")
                .put("pattern", "^\\s*[+-]?\\d+(\\.\\d+)?\\s*(pp|%)?\\s*$"));
        checkKeys(m, Keys.SUCCESS_METRIC);
        p.set("success_metric", closed("How success is measured against the holdout.", m));
        p.set("owner", string("Who acts on the result (email or team)."));
        checkKeys(p, Keys.BRIEF);
        return closed("The activation brief; required (complete) before any sync.", p);
    }
}
