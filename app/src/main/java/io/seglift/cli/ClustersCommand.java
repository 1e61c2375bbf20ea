package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.clusters.ClusterAnalysis;
import io.seglift.scoring.clusters.ClusterResult;
import io.seglift.scoring.clusters.ClusterScorer;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift score clusters}: k-means over the member profile, refused when the clusters are not real. */
@Command(name = "clusters", mixinStandardHelpOptions = true, description = {
        "Cluster customers by k-means over the standardised columns of scoring.clusters.features, k chosen by",
        "silhouette and checked by bootstrap; when accepted, every customer is assigned in the warehouse",
        "(cluster_assignments, usable in rules as cluster = N). Exit code 5 when the data is too thin or the",
        "clusters are unstable; the reasons are printed and nothing is written."},
        footer = "%nExample: seglift score clusters --as-of 2011-12-10 --format json")
public final class ClustersCommand implements Callable<Integer> {
    private final Session session;
    @Mixin
    GlobalOptions options;
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Cluster the profile as of this date (default: the day after the latest purchase).")
    LocalDate asOf;

    public ClustersCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        try (Warehouse w = session.openWarehouse(project)) {
            LocalDate day = ScoringOutput.asOfOrDefault(asOf, ScoringOutput.rfm(w, project, session));
            ClusterResult r;
            try {
                r = new ClusterScorer(w, project).score(day);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID, e.getMessage());
            }
            System.out.print(options.json() ? Json.write(json(r)) + "\n" : text(r));
            return r.supported() ? ExitCode.OK : ExitCode.NOT_READY;
        }
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> json(ClusterResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", r.asOf());
        out.put("supported", r.supported());
        out.put("features", r.features());
        out.put("log", r.log());
        out.put("customers", r.customers());
        out.put("sample", r.sampleSize());
        out.put("k", r.k());
        out.put("silhouette", number(r.silhouette()));
        Map<String, Object> byK = new LinkedHashMap<>();
        new java.util.TreeMap<>(r.silhouetteByK()).forEach((k, s) -> byK.put(Integer.toString(k), number(s)));
        out.put("silhouette_by_k", byK);
        Map<String, Object> stability = new LinkedHashMap<>();
        stability.put("bootstraps", ClusterAnalysis.BOOTSTRAPS);
        stability.put("ari_mean", number(r.ariMean()));
        stability.put("jaccard", r.jaccard());
        out.put("stability", stability);
        out.put("sizes", r.clusters().stream().map(ClusterResult.Cluster::size).toList());
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (ClusterResult.Cluster c : r.clusters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", c.number());
            m.put("size", c.size());
            m.put("centroid_z", c.centroid());
            m.put("description", c.description());
            clusters.add(m);
        }
        out.put("clusters", clusters);
        out.put("refusals", r.refusals());
        return out;
    }

    private static String text(ClusterResult r) {
        StringBuilder s = new StringBuilder();
        s.append("Clusters as of ").append(r.asOf()).append(" over ").append(String.join(", ", r.features()))
                .append(r.log() ? " (log scale)" : "").append(": ").append(r.customers()).append(" customers, sample ")
                .append(r.sampleSize()).append('\n');
        if (r.k() > 0) {
            s.append(String.format(Locale.ROOT, "k = %d, silhouette %.3f, bootstrap mean ARI %.3f%n", r.k(),
                    r.silhouette(), r.ariMean()));
            List<List<String>> rows = new ArrayList<>();
            for (ClusterResult.Cluster c : r.clusters()) {
                rows.add(List.of(Integer.toString(c.number()), Long.toString(c.size()),
                        String.format(Locale.ROOT, "%.2f", r.jaccard().get(c.number() - 1)), c.description()));
            }
            s.append(ScoringOutput.table(List.of("CLUSTER", "CUSTOMERS", "JACCARD", "DESCRIPTION"), rows));
        }
        if (r.supported()) {
            s.append("Written to cluster_assignments; use in segment rules as cluster = N\n");
        } else {
            s.append("Refused; nothing written. Use RFM segments instead:\n");
            r.refusals().forEach(x -> s.append("  - ").append(x).append('\n'));
        }
        return s.toString();
    }
}
