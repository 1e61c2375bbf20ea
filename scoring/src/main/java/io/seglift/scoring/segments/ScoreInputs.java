package io.seglift.scoring.segments;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SegliftTables;
import io.seglift.config.SegmentConfig;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which scores a segment rule reads, and whether they exist for an as-of date. A rule reads RFM (or a model) when it
 * compiles over the full profile but not over the profile without those columns: the warehouse binds the names, so a
 * name inside a string literal or a comment never counts. Scores exist when {@code rfm_scores} (or
 * {@code model_scores} for that model) has at least one row for the date. A segment built over missing scores would
 * be empty and the next sync would remove everyone, so the build refuses instead.
 */
public final class ScoreInputs {
    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;

    public ScoreInputs(Warehouse warehouse, ProjectConfig project) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.project = project;
    }

    /** The score inputs {@code segment}'s rule reads ({@link ProfileView#RFM}, {@link ProfileView#CLV} or model names), in profile order. */
    public List<String> readBy(SegmentConfig segment, LocalDate asOf) {
        List<String> inputs = new ArrayList<>();
        inputs.add(ProfileView.RFM);
        inputs.add(ProfileView.CLV);
        inputs.addAll(project.scoring().models().keySet());
        inputs.add(ProfileView.CLUSTER);
        List<String> read = new ArrayList<>();
        for (String input : inputs) {
            if (w.checkQuery(ruleOver(segment, ProfileView.sql(project, d, asOf, Set.of(input)))).isPresent()) {
                read.add(input);
            }
        }
        return read;
    }

    private static String ruleOver(SegmentConfig segment, String profile) {
        return "SELECT 1 AS x FROM (" + profile + ") p WHERE COALESCE((" + segment.rule() + "), FALSE)";
    }

    /** Whether the scores of {@code input} exist for {@code asOf}. */
    public boolean exist(String input, LocalDate asOf) {
        Computed fixed = FIXED.get(input);
        String where = " WHERE as_of = " + d.dateLiteral(asOf);
        String table = d.table(w.own(fixed == null ? SegliftTables.MODEL_SCORES : fixed.table()));
        if (fixed == null) {
            where += " AND model_name = " + d.literal(input);
        }
        return w.queryLong("SELECT COUNT(*) FROM (SELECT 1 AS x FROM " + table + where + d.limit(1) + ") s") > 0;
    }

    /**
     * One sentence per score input {@code segment} reads that has no scores for {@code asOf}, naming the command that
     * computes them; empty when the segment can be built.
     */
    public List<String> missing(SegmentConfig segment, LocalDate asOf) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String input : readBy(segment, asOf)) {
            if (!exist(input, asOf)) {
                out.put(input, "segment " + segment.name() + " reads " + describe(input) + ", which has no scores as of "
                        + asOf + ": run `" + command(input, asOf) + "` first");
            }
        }
        return List.copyOf(out.values());
    }

    private static String describe(String input) {
        Computed fixed = FIXED.get(input);
        return fixed == null ? "model " + input : fixed.description();
    }

    private static String command(String input, LocalDate asOf) {
        Computed fixed = FIXED.get(input);
        return (fixed == null ? "seglift models score " + input : fixed.command()) + " --as-of " + asOf;
    }

    /** A score input other than a model: the table holding it, what to call it, the command computing it. */
    private record Computed(String table, String description, String command) {
    }

    private static final Map<String, Computed> FIXED = Map.of(
            ProfileView.RFM, new Computed(SegliftTables.RFM_SCORES, "RFM", "seglift score rfm"),
            ProfileView.CLV, new Computed(SegliftTables.CLV_SCORES, "CLV", "seglift score clv"),
            ProfileView.CLUSTER, new Computed(SegliftTables.CLUSTER_ASSIGNMENTS, "the cluster assignments",
                    "seglift score clusters"));
}
