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
 * @param matchRate match rate of all the runs' uploads together ({@link io.seglift.sync.runs.RunHistory#matchRate}),
 *                  null when the destination reported no upload counts
 */
public record SyncActivity(String syncName, String segment, String destination, long runs, Map<String, Long> statuses,
                           Map<String, Long> totals, List<Run> recent, Double matchRate) {
    public SyncActivity {
        statuses = Map.copyOf(statuses);
        totals = Map.copyOf(totals);
        recent = List.copyOf(recent);
    }

    /** Activity of a sync whose destination reports no upload counts. */
    public SyncActivity(String syncName, String segment, String destination, long runs, Map<String, Long> statuses,
                        Map<String, Long> totals, List<Run> recent) {
        this(syncName, segment, destination, runs, statuses, totals, recent, null);
    }

    /**
     * One run's headline numbers; {@code matchRate} is null when the destination reported no upload counts.
     */
    public record Run(String runId, Instant startedAt, String status, long sent, long rejected, long retried,
                      Double matchRate) {
        public Run(String runId, Instant startedAt, String status, long sent, long rejected, long retried) {
            this(runId, startedAt, status, sent, rejected, retried, null);
        }

        /** Rejected rows as a share of the rows sent, null when nothing was sent. */
        public Double rejectedShare() {
            return sent == 0 ? null : (double) rejected / sent;
        }
    }
}
