package io.seglift.sync.runs;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code sync_runs}. Counters are members (rows), except {@code callRetries} (API calls retried); {@code
 * warnings} are what the run did that its owner should know (one per line), or null. The upload counts and audience
 * size are what the destination reported (Facebook: Meta's {@code num_received}, {@code num_invalid_entries} and the
 * audience's approximate count after the run), null when it reports none; {@code matchRate} is {@code (uploadReceived -
 * uploadInvalid) / uploadReceived} ({@link io.seglift.spi.destination.UploadStats#matchRate}), null without uploads.
 */
public record RunRecord(String runId, String syncName, String segment, String destination, String mode,
                        LocalDate segmentAsOf, String audienceId, Instant startedAt, Instant finishedAt, String status,
                        String error, long planned, long sent, long added, long removed, long updated, long rejected,
                        long retried, long heldOut, long suppressed, long noConsent, long noIdentifier, long callRetries,
                        String warnings, Long uploadReceived, Long uploadInvalid, Long audienceSizeLower,
                        Long audienceSizeUpper, Double matchRate) {
}
