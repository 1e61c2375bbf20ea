package io.seglift.demo;

import java.time.LocalDateTime;

/**
 * One row of {@code demo_truth.customers}: what the generator knows and the data does not show.
 *
 * @param purchaseRatePerDay     latent purchase rate while active (before seasonality)
 * @param dropoutProbability     chance of becoming inactive after each purchase
 * @param meanSpend              the customer's mean order value
 * @param favouriteCategory      the category the customer prefers most
 * @param aliveAtAsOf            still active at the end of the as-of day
 * @param droppedOutAt           when the customer became inactive (null while active)
 * @param expectedPurchases90d   expected purchases in the 90 days after the as-of date under the model
 * @param upliftDraw             uniform [0, 1): decides who responds to the simulated campaign
 */
public record TruthCustomer(String customerId, double purchaseRatePerDay, double dropoutProbability,
                            double meanSpend, String favouriteCategory, boolean aliveAtAsOf,
                            LocalDateTime droppedOutAt, double expectedPurchases90d, double upliftDraw) {
}
