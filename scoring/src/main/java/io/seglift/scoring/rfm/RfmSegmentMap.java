package io.seglift.scoring.rfm;

import io.seglift.config.RfmConfig;
import io.seglift.config.RfmConfig.RfmSegmentRule;
import io.seglift.spi.warehouse.Dialect;

import java.util.List;

/**
 * Names customers from their scores: rules are tried in order and the first that matches names the customer; a
 * customer no rule matches is {@value #UNMATCHED}. The conventional map is defined on quintiles and covers every
 * (r, f, m) combination, so with it every customer gets one of its eleven names.
 */
public final class RfmSegmentMap {
    /** The name given when no rule of a user map matches. */
    public static final String UNMATCHED = "Unclassified";

    /** The conventional map over quintile scores, in priority order. */
    public static final List<RfmSegmentRule> CONVENTIONAL = List.of(
            new RfmSegmentRule("Champions", "r_score >= 4 AND f_score >= 4 AND m_score >= 4"),
            new RfmSegmentRule("Loyal", "r_score >= 3 AND f_score >= 4"),
            new RfmSegmentRule("Potential Loyalist", "r_score >= 4 AND f_score BETWEEN 2 AND 3"),
            new RfmSegmentRule("New", "r_score = 5 AND f_score = 1"),
            new RfmSegmentRule("Promising", "r_score = 4 AND f_score = 1"),
            new RfmSegmentRule("Need Attention", "r_score = 3 AND f_score = 3"),
            new RfmSegmentRule("About to Sleep", "r_score = 3 AND f_score <= 2"),
            new RfmSegmentRule("Can't Lose Them", "r_score <= 2 AND f_score = 5"),
            new RfmSegmentRule("At Risk", "r_score <= 2 AND f_score BETWEEN 3 AND 4"),
            new RfmSegmentRule("Hibernating", "r_score = 2 AND f_score <= 2"),
            new RfmSegmentRule("Lost", "r_score = 1 AND f_score <= 2"));

    private final List<RfmSegmentRule> rules;

    public RfmSegmentMap(List<RfmSegmentRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("an RFM segment map needs at least one rule");
        }
        this.rules = List.copyOf(rules);
    }

    /** The configured map, or the conventional one; the conventional one needs 5 bins. */
    public static RfmSegmentMap of(RfmConfig config) {
        if (!config.segmentMap().isEmpty()) {
            return new RfmSegmentMap(config.segmentMap());
        }
        if (config.bins() != 5) {
            throw new IllegalArgumentException("scoring.rfm.bins is " + config.bins()
                    + ": the conventional segment map is defined on quintiles (bins: 5); give scoring.rfm.segments"
                    + " rules for " + config.bins() + " bins");
        }
        return new RfmSegmentMap(CONVENTIONAL);
    }

    public List<RfmSegmentRule> rules() {
        return rules;
    }

    /** A CASE expression over {@code r_score}, {@code f_score}, {@code m_score} giving the segment name. */
    public String caseExpr(Dialect d) {
        StringBuilder sql = new StringBuilder("CASE");
        for (RfmSegmentRule r : rules) {
            sql.append(" WHEN COALESCE((").append(r.rule()).append("), FALSE) THEN ").append(d.literal(r.name()));
        }
        return sql.append(" ELSE ").append(d.literal(UNMATCHED)).append(" END").toString();
    }
}
