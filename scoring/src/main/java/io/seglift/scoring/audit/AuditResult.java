package io.seglift.scoring.audit;

import io.seglift.config.AuditConfig;
import io.seglift.scoring.clv.ClvReadiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One readiness audit. Nullable fields are null when the data has nothing to say (no purchases, no events source).
 *
 * @param runId              id of the stored audit
 * @param asOf               the date audited: purchases strictly before it count
 * @param runAt              when it ran
 * @param thresholds         the thresholds applied
 * @param customers          rows in the customers table
 * @param buyers             customers with at least one purchase before {@code asOf}
 * @param qualified          customers with at least {@code minPurchases} purchases in the trailing window
 * @param firstPurchase      earliest purchase date (null without purchases)
 * @param lastPurchase       latest purchase date before {@code asOf} (null without purchases)
 * @param historyMonths      whole months from the first purchase to {@code asOf}
 * @param engagement         coverage of engagement events (null without an events source)
 * @param reachability       channel reachability, overall and per configured destination
 * @param quality            data-quality counts
 * @param recommendation     the scoring method recommended
 * @param reasons            why, with the numbers
 * @param methods            per method (RFM, propensity, CLV, clustering): supported or not, and why; empty in audits
 *                           stored before the verdicts existed
 */
public record AuditResult(String runId, LocalDate asOf, Instant runAt, AuditConfig thresholds, long customers,
                          long buyers, long qualified, LocalDate firstPurchase, LocalDate lastPurchase,
                          int historyMonths, Engagement engagement, List<Reach> reachability, Quality quality,
                          Recommendation recommendation, List<String> reasons, List<MethodVerdict> methods) {
    public AuditResult {
        reachability = List.copyOf(reachability);
        reasons = List.copyOf(reasons);
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /** What the data supports. */
    public enum Recommendation { RFM_ONLY, RFM_AND_PROPENSITY }

    /** True when propensity models may be trained without forcing. */
    public boolean allowsModels() {
        return recommendation == Recommendation.RFM_AND_PROPENSITY;
    }

    /**
     * Engagement coverage.
     *
     * @param eventCustomers distinct customer keys in the events table
     * @param joined         buyers with at least one event
     * @param share          joined / buyers
     * @param latestEvent    latest event date (freshness)
     */
    public record Engagement(long eventCustomers, long joined, double share, LocalDate latestEvent) {
    }

    /**
     * Customers reachable in one channel.
     *
     * @param destination destination name, or {@code *} for the overall figures
     * @param channel     the channel (EMAIL, SMS, ADS, CRM) or a description for the overall figures
     * @param reachable   customers reachable
     * @param share       reachable / customers
     * @param rule        what reachable means here
     */
    public record Reach(String destination, String channel, long reachable, double share, String rule) {
    }

    /**
     * Data-quality counts.
     *
     * @param duplicateCustomerKeys  keys appearing on more than one customers row
     * @param nullCustomerKeys       customers rows without a key
     * @param orderRows              rows in the orders table
     * @param ordersWithoutCustomer  order rows with no customer key
     * @param ordersUnknownCustomer  order rows whose key is not in the customers table
     * @param unknownCustomers       distinct such keys
     * @param nullOrderDates         order rows without a date
     * @param nullAmounts            order rows without a value (amount, or quantity or unit price)
     * @param nonPositiveAmounts     order rows with value at or below zero (cancellations included)
     * @param cancelledRows          order rows matching {@code cancelled_when}
     * @param futureOrders           order rows dated on or after {@code asOf}
     * @param malformedEmails        non-null emails not shaped like {@code local@domain.tld}
     * @param latestOrder            latest order date in the table (any date)
     * @param daysSinceLatestOrder   days from the latest order before {@code asOf} to {@code asOf}
     * @param duplicateCustomerRows  customers rows left out because an earlier row has the same key
     *                               ({@link io.seglift.scoring.data.Customers})
     * @param invalidAmounts         order rows with a NaN, infinite or absurd value, quantity or unit price
     *                               ({@link io.seglift.scoring.data.PurchaseFacts#invalidExpr()})
     */
    public record Quality(long duplicateCustomerKeys, long nullCustomerKeys, long orderRows, long ordersWithoutCustomer,
                          long ordersUnknownCustomer, long unknownCustomers, long nullOrderDates, long nullAmounts,
                          long nonPositiveAmounts, long cancelledRows, long futureOrders, long malformedEmails,
                          LocalDate latestOrder, Long daysSinceLatestOrder, long duplicateCustomerRows,
                          long invalidAmounts) {
    }
}
