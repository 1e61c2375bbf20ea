package io.seglift.cli;

/**
 * Exit codes a scheduler can act on. Documented in the README and in {@code seglift --help}.
 */
public final class ExitCode {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The run failed (destination down, warehouse error, unexpected error); safe to retry later. */
    public static final int FAILED = 1;
    /** Invalid project file, arguments or input: fix the input, retrying will not help. */
    public static final int INVALID = 2;
    /** The run finished but some rows were rejected by the destination; see {@code seglift runs show RUN}. */
    public static final int REJECTED_ROWS = 3;
    /**
     * Busy: another process is running this sync or holds the embedded warehouse; nothing was done, retry later.
     */
    public static final int LOCKED = 4;
    /** The data is not ready for what was asked (audit gate); nothing was done. */
    public static final int NOT_READY = 5;
    /**
     * A sync was refused: it would remove or add more of the audience than allowed ({@code max_removal_share},
     * {@code max_addition_share}); nothing was sent. Check the segment, then rerun with {@code --allow-large-changes}.
     */
    public static final int TOO_LARGE_CHANGE = 6;

    private ExitCode() {
    }
}
