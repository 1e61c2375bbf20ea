package io.seglift.scoring.rfm;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * What one RFM run stored.
 *
 * @param asOf      the date scored (purchases strictly before it count)
 * @param customers customers scored (those with at least one purchase before {@code asOf})
 * @param segments  customers per segment name, largest first
 * @param elapsed   wall time of the run
 */
public record RfmResult(LocalDate asOf, long customers, Map<String, Long> segments, Duration elapsed) {
    public RfmResult {
        segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
    }
}
