package io.seglift.sync.lock;

/** Another process is running this sync; nothing was done. */
public final class SyncLockedException extends RuntimeException {
    public SyncLockedException(String message) {
        super(message);
    }
}
