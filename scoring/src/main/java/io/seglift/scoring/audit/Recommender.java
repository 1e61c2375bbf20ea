package io.seglift.scoring.audit;

import io.seglift.config.AuditConfig;

import java.util.ArrayList;
import java.util.List;

/** Decides the scoring method from the audit's numbers, giving its reasons with the numbers. */
public final class Recommender {
    private final AuditConfig thresholds;

    public Recommender(AuditConfig thresholds) {
        this.thresholds = thresholds;
    }

    /** The reasons; the recommendation is RFM only when any reason is a shortfall. */
    public Decision decide(long qualified, int historyMonths) {
        List<String> reasons = new ArrayList<>();
        boolean enough = true;
        String q = qualified + " customers made " + thresholds.minPurchases() + "+ purchases in the last "
                + thresholds.windowMonths() + " months";
        if (qualified < thresholds.minQualified()) {
            reasons.add(q + ", fewer than the " + thresholds.minQualified() + " a propensity model needs");
            enough = false;
        } else {
            reasons.add(q + " (at least " + thresholds.minQualified() + " needed)");
        }
        if (historyMonths < thresholds.minHistoryMonths()) {
            reasons.add(historyMonths + " months of order history, under the " + thresholds.minHistoryMonths() + " needed");
            enough = false;
        } else {
            reasons.add(historyMonths + " months of order history (at least " + thresholds.minHistoryMonths() + " needed)");
        }
        reasons.add(enough ? "RFM and propensity models can be used"
                : "use RFM only; model training is refused unless forced");
        return new Decision(enough ? AuditResult.Recommendation.RFM_AND_PROPENSITY : AuditResult.Recommendation.RFM_ONLY,
                reasons);
    }

    /** A recommendation and its reasons. */
    public record Decision(AuditResult.Recommendation recommendation, List<String> reasons) {
    }
}
