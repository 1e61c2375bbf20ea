package io.seglift.spi.progress;

/**
 * Receives progress of one long step. Implementations must be cheap to call and thread-safe; the CLI draws a bar on a
 * terminal and prints plain lines elsewhere. {@link #NONE} discards everything.
 */
public interface Progress {

    /** Discards all progress. */
    Progress NONE = new Progress() {
        @Override public void start(String step, long total) { }
        @Override public void advance(long done) { }
        @Override public void finish(String summary) { }
    };

    /** A step begins; {@code total} is the unit count, or -1 when unknown. */
    void start(String step, long total);

    /** {@code done} more units are finished. */
    void advance(long done);

    /** The step ended; {@code summary} is a short human line such as {@code "100,000 customers scored in 2.1s"}. */
    void finish(String summary);
}
