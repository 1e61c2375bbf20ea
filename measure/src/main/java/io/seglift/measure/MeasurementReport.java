package io.seglift.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole measurement: what {@code seglift report} renders as HTML and prints with {@code --format json}.
 *
 * @param asOf       the date outcomes are known up to
 * @param asOfRule   how {@code asOf} was chosen
 * @param audit      the latest audit, or null
 */
public record MeasurementReport(String project, Instant generatedAt, LocalDate asOf, String asOfRule,
                                List<SegmentMeasurement> segments, List<ModelValidity> models, LatestAudit audit,
                                List<SyncHealth> syncs) {
    public MeasurementReport {
        segments = List.copyOf(segments);
        models = List.copyOf(models);
        syncs = List.copyOf(syncs);
    }
}
