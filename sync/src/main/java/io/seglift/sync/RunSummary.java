package io.seglift.sync;

import io.seglift.spi.destination.UploadStats;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.runs.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The outcome of one sync run.
 *
 * @param runId       run id in {@code sync_runs}
 * @param syncName    the sync
 * @param status      final status
 * @param plan        the plan the run executed
 * @param added       members added
 * @param removed     members removed
 * @param updated     members updated
 * @param rejected    rows rejected by the destination (recorded with their reason)
 * @param retried     rows left for the next run
 * @param calls       destination calls made (including retries)
 * @param callRetries calls that were retries
 * @param startedAt   start
 * @param finishedAt  end
 * @param error       why it failed or stopped, or null
 * @param upload      the destination's counts of the rows it received and found invalid, summed over the run's
 *                    batches; null when it reports none
 */
public record RunSummary(String runId, String syncName, RunStatus status, Plan plan, long added, long removed,
                         long updated, long rejected, long retried, long calls, long callRetries, Instant startedAt,
                         Instant finishedAt, String error, UploadStats upload) {

    /** A run of a destination that reports no upload counts. */
    public RunSummary(String runId, String syncName, RunStatus status, Plan plan, long added, long removed,
                      long updated, long rejected, long retried, long calls, long callRetries, Instant startedAt,
                      Instant finishedAt, String error) {
        this(runId, syncName, status, plan, added, removed, updated, rejected, retried, calls, callRetries, startedAt,
                finishedAt, error, null);
    }

    /** Rows sent (accepted, rejected or left for retry). */
    public long sent() {
        return added + removed + updated + rejected + retried;
    }

    /** Rejected rows as a share of the rows sent; empty when nothing was sent. */
    public OptionalDouble rejectedShare() {
        long sent = sent();
        return sent == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) rejected / sent);
    }

    /** {@code (received - invalid) / received} of the run's uploads; empty when the destination reported none. */
    public OptionalDouble matchRate() {
        return upload == null || upload.received() == 0 ? OptionalDouble.empty() : OptionalDouble.of(upload.matchRate());
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }
}
