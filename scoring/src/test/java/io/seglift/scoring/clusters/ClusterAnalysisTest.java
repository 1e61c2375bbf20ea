package io.seglift.scoring.clusters;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterAnalysisTest {
    static double[][] blobs(int perBlob, long seed) {
        double[][] centres = {{-4, -4, 0}, {4, -4, 2}, {0, 4, -2}};
        Random r = new Random(seed);
        double[][] out = new double[perBlob * centres.length][];
        for (int i = 0; i < out.length; i++) {
            double[] c = centres[i % centres.length];
            out[i] = new double[] {c[0] + r.nextGaussian(), c[1] + r.nextGaussian(), c[2] + r.nextGaussian()};
        }
        return out;
    }

    @Test
    void acceptsWellSeparatedBlobsWithTheRightK() {
        double[][] points = blobs(300, 7);
        ClusterAnalysis.Outcome o = new ClusterAnalysis(5, 1).analyse(points, points.length, 2, 6);
        assertThat(o.refusals()).isEmpty();
        assertThat(o.k()).isEqualTo(3);
        assertThat(o.silhouette()).isGreaterThan(0.6);
        assertThat(o.ariMean()).isGreaterThan(0.95);
        assertThat(java.util.Arrays.stream(o.jaccard()).min().orElseThrow()).isGreaterThan(0.9);
    }

    @Test
    void refusesUniformNoise() {
        Random r = new Random(3);
        double[][] points = new double[900][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
        }
        ClusterAnalysis.Outcome o = new ClusterAnalysis(5, 1).analyse(points, points.length, 2, 6);
        assertThat(o.supported()).isFalse();
        assertThat(o.refusals()).isNotEmpty();
    }

    @Test
    void refusesThinData() {
        double[][] points = blobs(20, 7);
        ClusterAnalysis.Outcome o = new ClusterAnalysis(5, 1).analyse(points, points.length, 2, 6);
        assertThat(o.k()).isZero();
        assertThat(o.refusals()).singleElement().asString().contains("fewer than the 200");
    }

    @Test
    void sameSeedSameFit() {
        double[][] points = blobs(200, 9);
        Centroids a = new KMeansFitter(3).fit(points, 3, 5);
        Centroids b = new KMeansFitter(3).fit(points, 3, 5);
        assertThat(a.centres()).isDeepEqualTo(b.centres());
    }

    @Test
    void describesCentroidsInWords() {
        var features = java.util.List.of("recency_days", "frequency", "monetary_avg", "engagement");
        assertThat(ClusterDescriber.describe(features, new double[] {-0.8, 1.7, -0.6, 0.1}))
                .isEqualTo("bought recently, buys very often, small baskets");
        assertThat(ClusterDescriber.describe(features, new double[] {0.2, 0.1, 0, 0.9}))
                .isEqualTo("high engagement");
        assertThat(ClusterDescriber.describe(features, new double[] {0, 0, 0, 0}))
                .isEqualTo("close to the average customer");
    }
}
