package io.seglift.scoring.clusters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses k and checks the clusters are real, on a standardised sample held in memory. For each k in the range the
 * best of the restarts is fitted and its mean silhouette computed on the first {@value #SILHOUETTE_SAMPLE} points; the
 * k with the highest silhouette wins. Stability follows Hennig (2007): {@value #BOOTSTRAPS} bootstrap resamples are
 * fitted with the chosen k, every fit assigns the whole sample (the common evaluation set), and each is compared with
 * the reference fit by the adjusted Rand index and, per reference cluster, the best Jaccard similarity.
 *
 * <p>Refused (with one reason per shortfall) when fewer than {@value #MIN_CUSTOMERS} customers have every feature,
 * when the best silhouette is under {@value #MIN_SILHOUETTE} (Kaufman &amp; Rousseeuw: no substantial structure),
 * when the mean ARI is under {@value #MIN_MEAN_ARI}, or when any cluster's mean Jaccard is under
 * {@value #MIN_JACCARD} (Hennig: a cluster below 0.5 is dissolved, not found again).
 */
public final class ClusterAnalysis {
    /** Customers with every feature needed to cluster at all. */
    public static final int MIN_CUSTOMERS = 200;
    /** Points the silhouette is computed on. */
    public static final int SILHOUETTE_SAMPLE = 2000;
    /** Bootstrap resamples. */
    public static final int BOOTSTRAPS = 20;
    /** Lowest acceptable best silhouette. */
    public static final double MIN_SILHOUETTE = 0.25;
    /** Lowest acceptable mean adjusted Rand index between the bootstrap fits and the reference fit. */
    public static final double MIN_MEAN_ARI = 0.6;
    /** Lowest acceptable mean Jaccard of any cluster. */
    public static final double MIN_JACCARD = 0.5;

    private final KMeansFitter fitter;
    private final long seed;

    public ClusterAnalysis(int restarts, long seed) {
        this.fitter = new KMeansFitter(restarts);
        this.seed = seed;
    }

    /** Analyses {@code points} (standardised) for k in {@code kMin..kMax}. */
    public Outcome analyse(double[][] points, long customers, int kMin, int kMax) {
        List<String> reasons = new ArrayList<>();
        if (customers < MIN_CUSTOMERS || points.length < MIN_CUSTOMERS) {
            reasons.add(customers + " customers have every clustering feature, fewer than the " + MIN_CUSTOMERS
                    + " needed: clusters on thin data are noise");
            return new Outcome(Map.of(), 0, null, Double.NaN, Double.NaN, new double[0], new int[0], reasons);
        }
        int maxK = Math.min(kMax, points.length / 20);
        double[][] silhouettePoints = head(points, SILHOUETTE_SAMPLE);
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        int bestK = kMin;
        Centroids best = null;
        for (int k = kMin; k <= Math.max(kMin, maxK); k++) {
            Centroids fit = fitter.fit(points, k, seed + k);
            double s = Silhouette.mean(silhouettePoints, fit.assign(silhouettePoints), k);
            silhouettes.put(k, s);
            if (best == null || s > silhouettes.get(bestK)) {
                bestK = k;
                best = fit;
            }
        }
        int[] reference = best.assign(points);
        double ariSum = 0;
        double[] jaccard = new double[bestK];
        Random random = new Random(seed);
        for (int b = 0; b < BOOTSTRAPS; b++) {
            double[][] resample = new double[points.length][];
            for (int i = 0; i < points.length; i++) {
                resample[i] = points[random.nextInt(points.length)];
            }
            int[] labels = fitter.fit(resample, bestK, seed + 1000 + b).assign(points);
            ariSum += PartitionAgreement.adjustedRand(reference, labels);
            double[] j = PartitionAgreement.bestJaccard(reference, bestK, labels, bestK);
            for (int c = 0; c < bestK; c++) {
                jaccard[c] += j[c] / BOOTSTRAPS;
            }
        }
        double ari = ariSum / BOOTSTRAPS;
        double silhouette = silhouettes.get(bestK);
        if (silhouette < MIN_SILHOUETTE) {
            reasons.add(String.format(java.util.Locale.ROOT, "the best silhouette (k = %d) is %.3f, under the %.2f below "
                    + "which there is no substantial structure", bestK, silhouette, MIN_SILHOUETTE));
        }
        if (ari < MIN_MEAN_ARI) {
            reasons.add(String.format(java.util.Locale.ROOT, "bootstrap fits agree with a mean adjusted Rand index of "
                    + "%.3f, under the %.2f needed: the clusters move when the sample changes", ari, MIN_MEAN_ARI));
        }
        for (int c = 0; c < bestK; c++) {
            if (jaccard[c] < MIN_JACCARD) {
                reasons.add(String.format(java.util.Locale.ROOT, "cluster %d is found again with a mean Jaccard of "
                        + "%.3f, under the %.2f needed", c + 1, jaccard[c], MIN_JACCARD));
            }
        }
        return new Outcome(silhouettes, bestK, best, silhouette, ari, jaccard, reference, reasons);
    }

    private static double[][] head(double[][] points, int n) {
        double[][] out = new double[Math.min(n, points.length)][];
        System.arraycopy(points, 0, out, 0, out.length);
        return out;
    }

    /**
     * What the analysis found.
     *
     * @param silhouetteByK mean silhouette per k tried
     * @param k             the chosen k (0 when the data was too thin to try)
     * @param centroids     the reference fit (null when too thin)
     * @param silhouette    its silhouette
     * @param ariMean       mean adjusted Rand index of the bootstrap fits against it
     * @param jaccard       per cluster, the mean best Jaccard over the bootstrap fits
     * @param labels        the sample's reference labels, 0-based
     * @param refusals      why the clusters must not be used; empty when they may
     */
    public record Outcome(Map<Integer, Double> silhouetteByK, int k, Centroids centroids, double silhouette,
                          double ariMean, double[] jaccard, int[] labels, List<String> refusals) {
        public Outcome {
            silhouetteByK = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(silhouetteByK));
            jaccard = jaccard.clone();
            refusals = List.copyOf(refusals);
        }

        /** Whether the clusters may be used. */
        public boolean supported() {
            return refusals.isEmpty();
        }

        @Override
        public double[] jaccard() {
            return jaccard.clone();
        }
    }
}
