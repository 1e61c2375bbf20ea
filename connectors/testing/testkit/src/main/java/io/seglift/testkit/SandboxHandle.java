package io.seglift.testkit;

import io.seglift.spi.destination.Member;

import java.time.Duration;

/**
 * What the conformance kit needs from a destination's sandbox: where it listens, how many members an audience holds,
 * and how to make the next request fail the way the vendor fails. A destination's test adapts its own sandbox to this.
 */
public interface SandboxHandle extends AutoCloseable {

    /** Base URL to put in the destination's {@code base_url}. */
    String baseUrl();

    /** Distinct members the sandbox holds in the audience with this destination id. */
    int memberCount(String audienceId);

    /** Whether the sandbox holds this member in the audience (compared the way the vendor matches, e.g. hashed). */
    boolean contains(String audienceId, Member member);

    /**
     * Makes the next request answer with the vendor's rate-limit response asking to wait {@code wait}; returns the wait
     * the destination should report (the vendor may round, e.g. Facebook counts in minutes).
     */
    Duration injectRateLimit(Duration wait);

    /** Makes the next request answer 503 (or the vendor's equivalent transient server error). */
    void injectServerError();

    /** Makes the next request's connection drop without a response. */
    void injectConnectionReset();

    /**
     * Makes the sandbox fail the next {@code rows} rows it writes "for now", with the vendor's per-row transient answer
     * (see {@link io.seglift.sandbox.SandboxApi#handle}); a sandbox whose vendor has none ignores the request.
     */
    void failRowsForNow(int rows);

    @Override
    void close();
}
