package io.seglift.sync.plan;

/** A run would change more of the audience than its sync allows; nothing was sent (see {@link ChangeGuard}). */
public final class LargeChangeException extends RuntimeException {
    public LargeChangeException(String message) {
        super(message);
    }
}
