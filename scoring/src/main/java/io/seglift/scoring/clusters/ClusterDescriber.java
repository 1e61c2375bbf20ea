package io.seglift.scoring.clusters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes a cluster for marketers from its centroid, in standard deviations from the population mean (z). A feature
 * is mentioned when {@code |z| >= }{@value #NOTABLE} and called "very" when {@code |z| >= }{@value #VERY}; features
 * in between the population's middle are left out, and a cluster with none is "close to the average customer".
 */
public final class ClusterDescriber {
    /** |z| from which a feature is mentioned. */
    public static final double NOTABLE = 0.5;
    /** |z| from which it is "very". */
    public static final double VERY = 1.5;

    /** Words for a high, a low, a very high and a very low value of well-known profile columns. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("recency_days", new String[] {"last bought long ago", "bought recently",
                    "last bought very long ago", "bought very recently"}),
            Map.entry("frequency", new String[] {"buys often", "buys rarely", "buys very often", "buys very rarely"}),
            Map.entry("monetary_total", new String[] {"high total spend", "low total spend", "very high total spend",
                    "very low total spend"}),
            Map.entry("monetary_avg", new String[] {"big baskets", "small baskets", "very big baskets",
                    "very small baskets"}),
            Map.entry("r_score", new String[] {"bought recently", "last bought long ago", "bought very recently",
                    "last bought very long ago"}),
            Map.entry("f_score", new String[] {"buys often", "buys rarely", "buys very often", "buys very rarely"}),
            Map.entry("m_score", new String[] {"high spend", "low spend", "very high spend", "very low spend"}));

    private ClusterDescriber() {
    }

    /** The description of a centroid at {@code z} (one value per feature, in {@code features} order). */
    public static String describe(List<String> features, double[] z) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            double v = z[i];
            if (Math.abs(v) < NOTABLE) {
                continue;
            }
            String name = features.get(i);
            String[] words = WORDS.getOrDefault(name, new String[] {"high " + name, "low " + name, "very high " + name,
                    "very low " + name});
            parts.add(words[(Math.abs(v) >= VERY ? 2 : 0) + (v > 0 ? 0 : 1)]);
        }
        return parts.isEmpty() ? "close to the average customer" : String.join(", ", parts);
    }
}
