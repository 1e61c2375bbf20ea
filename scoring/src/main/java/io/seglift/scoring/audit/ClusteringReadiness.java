package io.seglift.scoring.audit;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.clusters.ClusterResult;
import io.seglift.scoring.clusters.ClusterScorer;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Clustering is supported when {@link ClusterScorer#analyse} accepts the clusters of {@code scoring.clusters} as of
 * the date (enough customers, a silhouette showing structure, stable under bootstrap); otherwise its refusals are the
 * reasons and RFM is recommended instead. Nothing is written.
 */
public final class ClusteringReadiness implements MethodReadiness {
    private final Warehouse w;
    private final ProjectConfig project;

    public ClusteringReadiness(Warehouse warehouse, ProjectConfig project) {
        this.w = warehouse;
        this.project = project;
    }

    @Override
    public MethodVerdict verdict(LocalDate asOf) {
        ClusterResult r;
        try {
            r = new ClusterScorer(w, project).analyse(asOf);
        } catch (IllegalArgumentException e) {
            return new MethodVerdict(MethodVerdict.CLUSTERING, false, List.of(e.getMessage()));
        }
        List<String> reasons = new ArrayList<>();
        if (r.customers() == 0) {
            reasons.add("no customer has every clustering feature (" + String.join(", ", r.features()) + ") as of "
                    + asOf + "; RFM columns are filled by `seglift score rfm --as-of " + asOf + "`");
        }
        if (r.supported()) {
            reasons.add(String.format(Locale.ROOT, "k = %d clusters over %s: silhouette %.3f, bootstrap mean adjusted "
                    + "Rand index %.3f, every cluster found again (Jaccard >= 0.5)", r.k(),
                    String.join(", ", r.features()), r.silhouette(), r.ariMean()));
            return new MethodVerdict(MethodVerdict.CLUSTERING, true, reasons);
        }
        reasons.addAll(r.refusals());
        reasons.add("use RFM segments instead of clusters");
        return new MethodVerdict(MethodVerdict.CLUSTERING, false, reasons);
    }
}
