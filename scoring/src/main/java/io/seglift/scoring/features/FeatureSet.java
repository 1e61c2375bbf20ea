package io.seglift.scoring.features;

import io.seglift.spi.warehouse.Dialect;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Features as of one cutoff: the feature expressions and the {@code FROM} clause that defines, for that cutoff, the
 * population ({@code customer_key}) and the aliases the expressions read. The expressions never mention the cutoff,
 * so a trained model keeps its expressions and gets a fresh {@code from} for each scoring date.
 *
 * @param features  in model column order
 * @param with      {@code WITH ...} clause the {@code from} reads (empty when none)
 * @param keyExpr   SQL for the text customer key
 * @param from      {@code FROM ... [WHERE ...]} for the population at the cutoff
 * @param cutoff    date the features are computed as of (exclusive), or {@code null} for label-table models
 * @param notes     groups skipped and why (e.g. no events source)
 */
public record FeatureSet(List<Feature> features, String with, String keyExpr, String from, LocalDate cutoff, List<String> notes) {
    public FeatureSet {
        features = List.copyOf(features);
        notes = List.copyOf(notes);
    }

    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    /** {@code SELECT customer_key, <features...> FROM ...}. */
    public String select(Dialect d) {
        return (with.isEmpty() ? "" : with + " ") + "SELECT " + keyExpr + " AS customer_key"
                + features.stream().map(f -> ", " + d.castDouble(f.expression()) + " AS " + d.quote(f.name()))
                .collect(Collectors.joining())
                + " " + from;
    }

    /** The same population and cutoff with other (e.g. a stored model's) feature expressions. */
    public FeatureSet withFeatures(List<Feature> others) {
        return new FeatureSet(others, with, keyExpr, from, cutoff, notes);
    }
}
