package io.seglift.spi.destination;

/** The outcome of one row of a {@link Batch}, reported in a {@link RowResult}. */
public enum RowStatus {
    /** Done: the member is in (or out of) the audience as asked. Committed to the sync state. */
    OK,
    /** Refused for good (invalid identifier, unmatchable); recorded with its reason and not retried automatically. */
    REJECTED,
    /**
     * Failed for now on this row only (rate limit or server error for part of a batch, a job that has not finished).
     * The engine keeps the row out of the committed state, counts it as "left for retry" (the run ends PARTIAL) and
     * sends it again in the next run. Use it when the rest of the batch succeeded; when the whole call failed, throw
     * {@link RetriableDestinationException} instead so the engine retries the call.
     */
    RETRY
}
