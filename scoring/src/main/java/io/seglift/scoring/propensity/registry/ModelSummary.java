package io.seglift.scoring.propensity.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code models list}. */
public record ModelSummary(String id, String name, String kind, LocalDate asOf, Double aucRoc, Long trainRows,
                           Instant trainedAt) {
}
