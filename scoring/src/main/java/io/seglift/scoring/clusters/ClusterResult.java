package io.seglift.scoring.clusters;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One clustering run as of a date.
 *
 * @param asOf          the profile date clustered
 * @param features      the features, in order
 * @param log           whether they were clustered on the log scale
 * @param customers     customers with every feature (the population standardised and assigned)
 * @param sampleSize    customers in the fitted sample
 * @param silhouetteByK mean silhouette per k tried
 * @param k             the chosen k (0 when the data was too thin to try)
 * @param silhouette    the chosen k's silhouette
 * @param ariMean       mean bootstrap adjusted Rand index
 * @param jaccard       per cluster (1-based order), mean bootstrap Jaccard
 * @param clusters      per cluster: its size in the warehouse (0 when refused), centroid in z and description
 * @param refusals      why clustering was refused; empty when assignments were written
 */
public record ClusterResult(LocalDate asOf, List<String> features, boolean log, long customers, int sampleSize,
                            Map<Integer, Double> silhouetteByK, int k, double silhouette, double ariMean,
                            List<Double> jaccard, List<Cluster> clusters, List<String> refusals) {
    public ClusterResult {
        features = List.copyOf(features);
        silhouetteByK = Map.copyOf(silhouetteByK);
        jaccard = List.copyOf(jaccard);
        clusters = List.copyOf(clusters);
        refusals = List.copyOf(refusals);
    }

    /** Whether the clusters were accepted and written to {@code cluster_assignments}. */
    public boolean supported() {
        return refusals.isEmpty();
    }

    /**
     * One cluster.
     *
     * @param number      its number in segment rules ({@code cluster = 3})
     * @param size        customers assigned to it in the warehouse (0 when refused)
     * @param centroid    its centre, in standard deviations from the population mean per feature
     * @param description the centroid in words
     */
    public record Cluster(int number, long size, List<Double> centroid, String description) {
        public Cluster {
            centroid = List.copyOf(centroid);
        }
    }
}
