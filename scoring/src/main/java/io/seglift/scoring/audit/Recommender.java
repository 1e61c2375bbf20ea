package io.seglift.scoring.audit;

import io.seglift.config.AuditConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the scoring methods from the audit's numbers, giving its reasons with the numbers: one verdict per method
 * (RFM, propensity models, CLV, clustering), and the headline recommendation (RFM only, or RFM and propensity models)
 * with its reasons.
 */
public final class Recommender {
    private final AuditConfig thresholds;

    public Recommender(AuditConfig thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The headline recommendation is RFM only when any propensity reason is a shortfall. {@code clv} and
     * {@code clustering} are the verdicts of their own readiness checks, listed after RFM and propensity.
     */
    public Decision decide(long buyers, long qualified, int historyMonths, MethodVerdict clv, MethodVerdict clustering) {
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
        List<String> propensity = List.copyOf(reasons);
        reasons.add(enough ? "RFM and propensity models can be used"
                : "use RFM only; model training is refused unless forced");
        MethodVerdict rfm = buyers > 0
                ? new MethodVerdict(MethodVerdict.RFM, true, List.of(buyers + " customers with a purchase can be scored"))
                : new MethodVerdict(MethodVerdict.RFM, false, List.of("no customer has a purchase before the as-of date"));
        List<MethodVerdict> methods = List.of(rfm, new MethodVerdict(MethodVerdict.PROPENSITY, enough, propensity), clv,
                clustering);
        return new Decision(enough ? AuditResult.Recommendation.RFM_AND_PROPENSITY : AuditResult.Recommendation.RFM_ONLY,
                reasons, methods);
    }

    /** A recommendation, its reasons, and the verdict on each method. */
    public record Decision(AuditResult.Recommendation recommendation, List<String> reasons, List<MethodVerdict> methods) {
    }
}
