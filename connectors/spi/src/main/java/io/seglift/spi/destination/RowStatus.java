package io.seglift.spi.destination;

/** The outcome of one row. */
public enum RowStatus {
    /** Done: the member is in (or out of) the audience as asked. */
    OK,
    /** Refused for good (invalid identifier, unmatchable); recorded with its reason and not retried automatically. */
    REJECTED,
    /** Failed for now (rate limit, server error on this row); kept out of the committed state and retried. */
    RETRY
}
