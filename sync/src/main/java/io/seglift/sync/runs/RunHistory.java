package io.seglift.sync.runs;

import io.seglift.spi.destination.AudienceSize;
import io.seglift.spi.destination.UploadStats;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.Exclusion;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.state.SyncTables;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code sync_runs} and reads {@code sync_results}. */
public final class RunHistory {
    private static final String COLUMNS = "run_id, sync_name, segment, destination, mode, segment_as_of, audience_id, "
            + "started_at, finished_at, status, error, planned, sent, added, removed, updated, rejected, retried, held_out, "
            + "suppressed, no_consent, no_identifier, call_retries, warnings, upload_received, upload_invalid, "
            + "audience_size_lower, audience_size_upper";

    private final Warehouse warehouse;
    private final SyncTables t;

    public RunHistory(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.t = new SyncTables(warehouse);
    }

    /** Marks runs of {@code syncName} still "running" as abandoned: their process died (the caller holds the lock). */
    public long abandonStale(String syncName, Instant now) {
        return warehouse.execute("UPDATE " + t.q(SyncTables.RUNS) + " SET status = ?, finished_at = ?, error = ?"
                        + " WHERE sync_name = ? AND status = ?", RunStatus.ABANDONED.code(), now,
                "the process ended before the run finished (killed or crashed); its committed batches are kept",
                syncName, RunStatus.RUNNING.code());
    }

    /**
     * Whether a run of {@code syncName} has finished (succeeded or partial): until then its audience is still being
     * filled for the first time, which the change limits do not apply to.
     */
    public boolean hasFinishedRun(String syncName) {
        return warehouse.queryLong("SELECT COUNT(*) FROM " + t.q(SyncTables.RUNS) + " WHERE sync_name = ? AND status IN (?, ?)",
                syncName, RunStatus.SUCCEEDED.code(), RunStatus.PARTIAL.code()) > 0;
    }

    public void start(String runId, String syncName, String segment, String destination, String mode, Instant now) {
        warehouse.execute("INSERT INTO " + t.q(SyncTables.RUNS) + " (run_id, sync_name, segment, destination, mode, started_at,"
                + " status) VALUES (?, ?, ?, ?, ?, ?, ?)", runId, syncName, segment, destination, mode, now, RunStatus.RUNNING.code());
    }

    public void planned(String runId, Plan plan, String audienceId) {
        warehouse.execute("UPDATE " + t.q(SyncTables.RUNS) + " SET segment_as_of = ?, audience_id = ?, planned = ?, held_out = ?,"
                        + " suppressed = ?, no_consent = ?, no_identifier = ? WHERE run_id = ?", plan.segmentAsOf(), audienceId,
                plan.planned(), plan.excluded(Exclusion.HELD_OUT), plan.excluded(Exclusion.SUPPRESSED),
                plan.excluded(Exclusion.NO_CONSENT), plan.excluded(Exclusion.NO_IDENTIFIER), runId);
    }

    /** Adds a warning to the run's record (shown by {@code seglift runs show}); warnings are kept one per line. */
    public void warn(String runId, String warning) {
        warehouse.execute("UPDATE " + t.q(SyncTables.RUNS) + " SET warnings = CASE WHEN warnings IS NULL THEN ? ELSE"
                + " warnings || ? || ? END WHERE run_id = ?", warning, "\n", warning, runId);
    }

    /** Records the audience's approximate size the destination reported after the run. */
    public void audienceSize(String runId, AudienceSize size) {
        warehouse.execute("UPDATE " + t.q(SyncTables.RUNS) + " SET audience_size_lower = ?, audience_size_upper = ?"
                + " WHERE run_id = ?", size.lowerBound(), size.upperBound(), runId);
    }

    public void finish(String runId, RunStatus status, String error, long callRetries, Instant now) {
        warehouse.execute("UPDATE " + t.q(SyncTables.RUNS) + " SET status = ?, error = ?, call_retries = ?, finished_at = ?"
                + " WHERE run_id = ?", status.code(), error, callRetries, now, runId);
    }

    public Optional<RunRecord> find(String runId) {
        return warehouse.queryOne("SELECT " + COLUMNS + " FROM " + t.q(SyncTables.RUNS) + " WHERE run_id = ?",
                List.of(runId), RunHistory::map);
    }

    /** The latest {@code limit} runs, newest first, of one sync or of all when {@code syncName} is null. */
    public List<RunRecord> list(String syncName, int limit) {
        String where = syncName == null ? "" : " WHERE sync_name = ?";
        List<Object> params = syncName == null ? List.of() : List.of(syncName);
        return warehouse.queryList("SELECT " + COLUMNS + " FROM " + t.q(SyncTables.RUNS) + where
                + " ORDER BY started_at DESC, run_id DESC" + warehouse.dialect().limit(limit), params, RunHistory::map);
    }

    /** One line of the per-member results of a run, grouped. */
    public record ResultCount(String operation, String status, String code, long members) {
    }

    /** A member result, for samples of rejected or retried rows. */
    public record MemberResult(String customerKey, String operation, String status, String code, String message) {
    }

    public List<ResultCount> resultCounts(String runId) {
        return warehouse.queryList("SELECT operation, status, code, COUNT(*) AS n FROM " + t.q(SyncTables.RESULTS)
                        + " WHERE run_id = ? GROUP BY operation, status, code ORDER BY operation, status, code", List.of(runId),
                r -> new ResultCount(r.string("operation"), r.string("status"), r.string("code"), r.longValue("n")));
    }

    public List<MemberResult> problems(String runId, int limit) {
        return warehouse.queryList("SELECT customer_key, operation, status, code, message FROM " + t.q(SyncTables.RESULTS)
                        + " WHERE run_id = ? AND status <> 'ok' ORDER BY customer_key" + warehouse.dialect().limit(limit),
                List.of(runId), r -> new MemberResult(r.string("customer_key"), r.string("operation"), r.string("status"),
                        r.string("code"), r.string("message")));
    }

    private static RunRecord map(Row r) {
        return new RunRecord(r.string("run_id"), r.string("sync_name"), r.string("segment"), r.string("destination"),
                r.string("mode"), r.date("segment_as_of"), r.string("audience_id"), r.timestamp("started_at"),
                r.timestamp("finished_at"), r.string("status"), r.string("error"), n(r, "planned"), n(r, "sent"),
                n(r, "added"), n(r, "removed"), n(r, "updated"), n(r, "rejected"), n(r, "retried"), n(r, "held_out"),
                n(r, "suppressed"), n(r, "no_consent"), n(r, "no_identifier"), n(r, "call_retries"),
                r.string("warnings"), r.longValue("upload_received"), r.longValue("upload_invalid"),
                r.longValue("audience_size_lower"), r.longValue("audience_size_upper"),
                matchRate(r.longValue("upload_received"), r.longValue("upload_invalid")));
    }

    /** The match rate of a run's uploads, null when the destination reported none (or nothing was received). */
    public static Double matchRate(Long received, Long invalid) {
        if (received == null || received <= 0) return null;
        return UploadStats.matchRate(received, invalid == null ? 0 : invalid);
    }

    private static long n(Row r, String col) {
        Long v = r.longValue(col);
        return v == null ? 0 : v;
    }

}
