package io.seglift.sandbox;

/** A fault the sandbox may inject into one request instead of (or on top of) answering it normally. */
public enum Fault {
    /** Answer normally. */
    NONE,
    /** Answer 429 with a Retry-After header, in the API's own rate-limit shape; the request is not processed. */
    RATE_LIMITED,
    /** Answer 503; the request is not processed. */
    SERVER_ERROR,
    /** Drop the connection (TCP reset) without answering; the request is not processed. */
    CONNECTION_RESET,
    /** Process the request, then answer after {@link FaultPlan#delay()} (a client with a shorter timeout times out). */
    DELAY,
    /**
     * Process the request but let the API fail some rows of it for now, where the vendor has a per-row transient answer
     * (HubSpot: 207 multi-status); see {@link SandboxApi#handle}.
     */
    PARTIAL
}
