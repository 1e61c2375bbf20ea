package io.seglift.sync.runs;

/** Status of a run in {@code sync_runs}. */
public enum RunStatus {
    /** In progress (or its process died; the next run of the sync marks it {@link #ABANDONED}). */
    RUNNING,
    /** Every planned row was sent and accepted. */
    SUCCEEDED,
    /** Finished; some rows were rejected or left for the next run. */
    PARTIAL,
    /** Stopped by an error (destination down, fatal destination error, warehouse error). */
    FAILED,
    /** Refused before anything was sent: the plan changed more of the audience than the sync allows. */
    REFUSED,
    /** Stopped on request (serve shutting down) after the batch in flight. */
    STOPPED,
    /** The process ended without finishing; committed batches are kept. */
    ABANDONED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
