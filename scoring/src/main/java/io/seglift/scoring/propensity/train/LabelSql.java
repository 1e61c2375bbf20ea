package io.seglift.scoring.propensity.train;

import io.seglift.config.ModelConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;

import java.time.LocalDate;

/**
 * SQL of a labelled frame: the features of a {@link FeatureSet} plus a 0/1 column {@value #LABEL}, ordered by customer
 * key. Labels are read strictly from the cutoff on: a purchase label is 1 when the customer has at least one purchase
 * dated in [cutoff, cutoff + horizon); churn is its complement within the churn population (customers with a
 * purchase in the year before the cutoff). Label-column models take the label table's column, rows without a label
 * left out; a row is positive when its value equals {@code positive} ignoring case and surrounding blanks (for a
 * positive of yes/y/true/t/1, also a boolean TRUE).
 */
public final class LabelSql {
    /** Name of the label column in a frame. */
    public static final String LABEL = "label__";

    private final SourcesConfig sources;
    private final Dialect d;

    public LabelSql(SourcesConfig sources, Dialect dialect) {
        this.sources = sources;
        this.d = dialect;
    }

    /** {@code SELECT f.*, label} for the model's features as of their cutoff. */
    public String frame(ModelConfig model, FeatureSet features) {
        ModelConfig.Target t = model.target();
        String label;
        String join;
        switch (t.kind()) {
            case LABEL -> {
                ModelConfig.LabelColumn lc = t.label().orElseThrow();
                String col = d.quote(Identifiers.require(lc.column(), "label.column"));
                join = " JOIN (SELECT " + d.castText(d.quote(Identifiers.require(lc.key(), "label.key")))
                        + " AS customer_key, CASE WHEN LOWER(TRIM(" + d.castText(col) + ")) IN (" + positives(lc.positive())
                        + ") THEN 1 ELSE 0 END AS y FROM " + d.table(lc.table()) + " WHERE " + col + " IS NOT NULL) y";
                label = "y.y";
            }
            default -> {
                LocalDate cutoff = features.cutoff();
                String cut = d.dateLiteral(cutoff);
                String end = d.dateLiteral(cutoff.plusDays(t.horizonDays()));
                join = " LEFT JOIN (SELECT customer_key, COUNT(*) AS n FROM ("
                        + new PurchaseFacts(sources.orders(), d).purchases(end) + ") p WHERE purchase_date >= " + cut
                        + " GROUP BY customer_key) y";
                label = t.kind() == ModelConfig.Target.Kind.CHURN
                        ? "CASE WHEN y.n > 0 THEN 0 ELSE 1 END" : "CASE WHEN y.n > 0 THEN 1 ELSE 0 END";
            }
        }
        return "SELECT f.*, " + label + " AS " + LABEL + " FROM (" + features.select(d) + ") f" + join
                + " ON y.customer_key = f.customer_key";
    }

    /**
     * The text values meaning positive, compared lower-cased: {@code positive} itself, and when it is one of
     * yes/y/true/t/1 also {@code true} and {@code 1}, because engines load Yes/No columns as booleans.
     */
    private String positives(String positive) {
        String p = positive.trim().toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> values = new java.util.LinkedHashSet<>(java.util.List.of(p));
        if (java.util.Set.of("yes", "y", "true", "t", "1").contains(p)) {
            values.addAll(java.util.List.of("true", "1"));
        }
        return values.stream().map(d::literal).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Adds a split condition on the frame: rows whose stable bucket (0..9999) is below or at/above {@code cut}. */
    public String split(String frame, int bucketCut, boolean below) {
        return "SELECT * FROM (" + frame + ") s WHERE " + d.holdoutBucket(d.literal("seglift-validation"), "s.customer_key")
                + (below ? " < " : " >= ") + bucketCut;
    }

    /** The frame ordered by customer key, so loading and the fingerprint are deterministic. */
    public String ordered(String frame) {
        return "SELECT * FROM (" + frame + ") o ORDER BY customer_key";
    }
}
