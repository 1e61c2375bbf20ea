package io.seglift.scoring.features;

import io.seglift.spi.warehouse.Identifiers;

/**
 * One model feature: its column name, the group it came from, and a SQL expression (a DOUBLE, NULL when missing)
 * over the aliases of {@link FeatureSet#from()}.
 *
 * @param name       column name, a valid identifier
 * @param group      feature group ({@code rfm}, {@code behaviour}, ..., {@code sql}, {@code label_table})
 * @param expression SQL expression; refers to the frame's aliases, never to a date
 */
public record Feature(String name, String group, String expression) {
    public Feature {
        Identifiers.require(name, "feature name");
    }
}
