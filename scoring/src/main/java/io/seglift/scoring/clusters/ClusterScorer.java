package io.seglift.scoring.clusters;

import io.seglift.config.ClustersConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters the member profile as of a date: standardises the configured features in the warehouse, fits and checks
 * the clusters on a seeded sample ({@link ClusterAnalysis}) and, when they are accepted, assigns every customer with
 * all features inside the warehouse ({@link AssignmentSql}), replacing that date in {@code cluster_assignments}. A
 * refused run writes nothing, so rules reading {@code cluster} keep refusing to build for that date.
 */
public final class ClusterScorer {
    private final Warehouse w;
    private final Dialect d;
    private final ClustersConfig config;
    private final ClusterData data;

    public ClusterScorer(Warehouse warehouse, ProjectConfig project) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.config = project.scoring().clusters();
        this.data = new ClusterData(warehouse, project, config);
    }

    /** Fits and checks the clusters without writing anything (what the audit runs). */
    public ClusterResult analyse(LocalDate asOf) {
        return run(asOf, false);
    }

    /** Fits, checks and, when accepted, writes the assignments for {@code asOf}. */
    public ClusterResult score(LocalDate asOf) {
        return run(asOf, true);
    }

    private ClusterResult run(LocalDate asOf, boolean write) {
        List<String> unknown = data.unknownFeatures(asOf);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown));
        }
        Standardisation s = data.standardisation(asOf);
        List<String> constant = new ArrayList<>();
        double[] sds = s.sds();
        for (int i = 0; i < sds.length; i++) {
            if (s.customers() > 1 && !(sds[i] > 0)) {
                constant.add("feature " + config.features().get(i) + " has the same value for every customer: it "
                        + "cannot separate anyone; drop it from scoring.clusters.features");
            }
        }
        ClusterAnalysis.Outcome outcome;
        int sampleSize = 0;
        if (!constant.isEmpty()) {
            outcome = new ClusterAnalysis.Outcome(Map.of(), 0, null, Double.NaN, Double.NaN, new double[0], new int[0],
                    constant);
        } else {
            double[][] sample = s.customers() < ClusterAnalysis.MIN_CUSTOMERS ? new double[0][] : data.sample(asOf, s);
            sampleSize = sample.length;
            outcome = new ClusterAnalysis(config.restarts(), config.seed())
                    .analyse(sample, s.customers(), config.kMin(), config.kMax());
        }
        Map<Integer, Long> sizes = new HashMap<>();
        if (write && outcome.supported()) {
            TableName table = w.own(SegliftTables.CLUSTER_ASSIGNMENTS);
            String insert = "INSERT INTO " + d.table(table) + " (as_of, customer_key, cluster) "
                    + AssignmentSql.select(d, asOf, data.standardised(asOf, s), outcome.centroids());
            w.inTransaction(tx -> {
                tx.execute("DELETE FROM " + d.table(table) + " WHERE as_of = " + d.dateLiteral(asOf));
                tx.execute(insert);
            });
            w.queryList("SELECT cluster, COUNT(*) AS n FROM " + d.table(table) + " WHERE as_of = " + d.dateLiteral(asOf)
                    + " GROUP BY cluster", List.of(), r -> sizes.put(r.longValue("cluster").intValue(), r.longValue("n")));
        }
        List<ClusterResult.Cluster> clusters = new ArrayList<>();
        List<Double> jaccard = new ArrayList<>();
        for (int c = 0; c < outcome.k(); c++) {
            double[] z = outcome.centroids().centre(c);
            List<Double> centroid = new ArrayList<>();
            for (double v : z) {
                centroid.add(v);
            }
            clusters.add(new ClusterResult.Cluster(c + 1, sizes.getOrDefault(c + 1, 0L), centroid,
                    ClusterDescriber.describe(config.features(), z)));
            jaccard.add(outcome.jaccard()[c]);
        }
        return new ClusterResult(asOf, config.features(), config.log(), s.customers(), sampleSize,
                outcome.silhouetteByK(), outcome.k(), outcome.silhouette(), outcome.ariMean(), jaccard, clusters,
                outcome.refusals());
    }
}
