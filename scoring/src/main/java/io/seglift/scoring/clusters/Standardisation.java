package io.seglift.scoring.clusters;

import java.util.List;

/**
 * The population mean and sample standard deviation of each clustered feature (after the optional log), computed in
 * the warehouse over every customer with all features; a value's z-score is {@code (x - mean) / sd}.
 *
 * @param features  the feature names, in order
 * @param means     their means
 * @param sds       their standard deviations
 * @param customers customers with every feature non-null
 */
public record Standardisation(List<String> features, double[] means, double[] sds, long customers) {
    public Standardisation {
        features = List.copyOf(features);
        means = means.clone();
        sds = sds.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] sds() {
        return sds.clone();
    }
}
