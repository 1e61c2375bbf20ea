package io.seglift.sync.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one sync has been running.
 *
 * @param runs     runs recorded
 * @param statuses runs per status code ({@link SyncHistory#troubled(String)} tells which did not finish their work)
 * @param totals   sums over all runs of each of {@link SyncHistory#COUNTERS} (0 for a counter the table lacks)
 * @param recent   the latest runs, oldest first
 */
public record SyncActivity(String syncName, String segment, String destination, long runs, Map<String, Long> statuses,
                           Map<String, Long> totals, List<Run> recent) {
    public SyncActivity {
        statuses = Map.copyOf(statuses);
        totals = Map.copyOf(totals);
        recent = List.copyOf(recent);
    }

    /** One run's headline numbers. */
    public record Run(String runId, Instant startedAt, String status, long sent, long rejected, long retried) {
    }
}
