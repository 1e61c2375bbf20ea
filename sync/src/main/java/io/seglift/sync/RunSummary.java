package io.seglift.sync;

import io.seglift.sync.plan.Plan;
import io.seglift.sync.runs.RunStatus;

import java.time.Duration;
import java.time.Instant;

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
 */
public record RunSummary(String runId, String syncName, RunStatus status, Plan plan, long added, long removed,
                         long updated, long rejected, long retried, long calls, long callRetries, Instant startedAt,
                         Instant finishedAt, String error) {

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }
}
