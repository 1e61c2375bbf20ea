package io.seglift.scoring.features;

import java.time.LocalDate;
import java.util.Map;

/**
 * What {@link LeakGuard} found: customers present in only one of the two computations, and per feature the customers
 * whose value differs. Any non-zero count means some feature reads data dated on or after the cutoff.
 */
public record LeakReport(LocalDate cutoff, long populationDifferences, Map<String, Long> differingFeatures) {
    public LeakReport {
        differingFeatures = Map.copyOf(differingFeatures);
    }

    public boolean clean() {
        return populationDifferences == 0 && differingFeatures.isEmpty();
    }

    /** A sentence naming the leaking features. */
    public String describe() {
        if (clean()) {
            return "no feature reads data on or after " + cutoff;
        }
        return "features read data on or after the cutoff " + cutoff + ": " + (differingFeatures.isEmpty() ? ""
                : differingFeatures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + e.getValue() + " customers differ)")
                .collect(java.util.stream.Collectors.joining(", ")))
                + (populationDifferences == 0 ? "" : (differingFeatures.isEmpty() ? "" : "; ")
                + "the population differs for " + populationDifferences + " customers");
    }
}
