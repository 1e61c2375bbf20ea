package io.seglift.serve;

/**
 * A run or request that was not done for a reason its message explains (the sync is refused or already running,
 * the warehouse is busy). The server logs it as one line, without a stack trace, unlike an unexpected failure.
 */
public final class NotDoneException extends RuntimeException {
    private final boolean retryLater;

    /** @param retryLater true when the same request may succeed later (locked, busy) */
    public NotDoneException(String message, boolean retryLater, Throwable cause) {
        super(message, cause);
        this.retryLater = retryLater;
    }

    public boolean retryLater() {
        return retryLater;
    }
}
