package io.seglift.config;

import java.util.List;

/**
 * {@code scoring.clusters}: k-means over standardised columns of the member profile.
 *
 * @param features profile columns clustered (RFM values, behaviour, engagement, model scores, CLV)
 * @param kMin     smallest k tried
 * @param kMax     largest k tried; the k with the best silhouette wins
 * @param sample   customers sampled (seeded) from the warehouse to fit on
 * @param restarts k-means++ restarts per fit; the fit with the least within-cluster distance wins
 * @param seed     seed of the sample, the restarts and the bootstrap
 * @param log      whether each feature is clustered as {@code ln(1 + max(x, 0))}, taming the long tails of spend and
 *                 frequency, before standardising
 */
public record ClustersConfig(List<String> features, int kMin, int kMax, int sample, int restarts, long seed,
                             boolean log) {
    public ClustersConfig {
        features = List.copyOf(features);
        if (kMin < 2 || kMax < kMin) {
            throw new IllegalArgumentException("scoring.clusters.k: need 2 <= min <= max, got " + kMin + ".." + kMax);
        }
    }

    /** Recency, frequency and average order value; k 2..8; 20,000 customers; 10 restarts; seed 1; log scale. */
    public static ClustersConfig defaults() {
        return new ClustersConfig(List.of("recency_days", "frequency", "monetary_avg"), 2, 8, 20_000, 10, 1L, true);
    }
}
