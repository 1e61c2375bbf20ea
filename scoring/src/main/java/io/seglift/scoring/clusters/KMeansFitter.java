package io.seglift.scoring.clusters;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * k-means with k-means++ initialisation and seeded restarts, by Apache Commons Math's
 * {@link MultiKMeansPlusPlusClusterer} (the restart with the least within-cluster variance wins). Centroids are sorted
 * by their coordinates so that the same fit always numbers its clusters the same way.
 */
public final class KMeansFitter {
    /** Lloyd iterations per restart at most. */
    public static final int MAX_ITERATIONS = 300;

    private final int restarts;

    public KMeansFitter(int restarts) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        this.restarts = restarts;
    }

    /** Fits {@code k} clusters to {@code points} with the random stream seeded by {@code seed}. */
    public Centroids fit(double[][] points, int k, long seed) {
        if (points.length < k) {
            throw new IllegalArgumentException(points.length + " points cannot make " + k + " clusters");
        }
        List<DoublePoint> data = new ArrayList<>(points.length);
        for (double[] p : points) {
            data.add(new DoublePoint(p));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> one = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
        List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(one, restarts).cluster(data);
        double[][] centres = clusters.stream().map(c -> c.getCenter().getPoint())
                .sorted(Comparator.comparingDouble((double[] c) -> c[0]).thenComparingDouble(c -> c.length > 1 ? c[1] : 0))
                .toArray(double[][]::new);
        return new Centroids(centres);
    }
}
