package io.seglift.config;

/**
 * {@code scoring.audit}: what makes data ready for a model.
 *
 * @param minPurchases       purchases in the window for a customer to qualify (default 2)
 * @param windowMonths       trailing window in months (default 12)
 * @param minQualified       qualified customers needed for propensity models (default 1000)
 * @param minHistoryMonths   months of order history needed for models (default 6)
 */
public record AuditConfig(int minPurchases, int windowMonths, int minQualified, int minHistoryMonths) {
    public static AuditConfig defaults() {
        return new AuditConfig(2, 12, 1000, 6);
    }
}
