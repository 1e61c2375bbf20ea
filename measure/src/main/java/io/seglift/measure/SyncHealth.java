package io.seglift.measure;

import io.seglift.sync.history.SyncHistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one sync has been running, from the engine's run history.
 *
 * @param statuses   runs per status
 * @param totals     sums over all runs of planned, sent, added, removed, updated, rejected, retried, held_out,
 *                   suppressed
 * @param recent     the latest runs, oldest first (at most {@link SyncHealthQuery#RECENT})
 * @param matchRate  (received - invalid) / received over all the runs' uploads, as the destination counted them; null
 *                   when it reports no upload counts (only Facebook does)
 */
public record SyncHealth(String syncName, String segment, String destination, long runs, Map<String, Long> statuses,
                         Map<String, Long> totals, Instant lastStarted, String lastStatus, List<Run> recent,
                         Double matchRate) {
    public SyncHealth {
        statuses = Map.copyOf(statuses);
        totals = Map.copyOf(totals);
        recent = List.copyOf(recent);
    }

    /** Health of a sync whose destination reports no upload counts. */
    public SyncHealth(String syncName, String segment, String destination, long runs, Map<String, Long> statuses,
                      Map<String, Long> totals, Instant lastStarted, String lastStatus, List<Run> recent) {
        this(syncName, segment, destination, runs, statuses, totals, lastStarted, lastStatus, recent, null);
    }

    /** One run's headline numbers; {@code matchRate} is null when the destination reported no upload counts. */
    public record Run(String runId, Instant startedAt, String status, long sent, long rejected, long retried,
                      Double matchRate) {
        public Run(String runId, Instant startedAt, String status, long sent, long rejected, long retried) {
            this(runId, startedAt, status, sent, rejected, retried, null);
        }
    }

    public long total(String column) {
        return totals.getOrDefault(column, 0L);
    }

    /** Whether a run status means the run did not finish its work, as the sync engine defines it. */
    public static boolean troubled(String status) {
        return SyncHistory.troubled(status);
    }
}
