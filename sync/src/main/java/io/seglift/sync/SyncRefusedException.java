package io.seglift.sync;

/** The sync cannot run as configured (incomplete brief, unknown segment or destination, unsupported mode). */
public final class SyncRefusedException extends RuntimeException {
    public SyncRefusedException(String message) {
        super(message);
    }
}
