package io.seglift.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * The in-memory model of one vendor API, served by {@link WireMockSandbox}. Implementations keep state (contacts,
 * lists) in memory, must be thread-safe (requests arrive on several server threads) and answer with the vendor's
 * response shapes. Rate limiting and fault injection are done around them; they only render the vendor-specific
 * answers.
 */
public interface SandboxApi {

    /**
     * Answers a request. {@code partialFailure} is set when fault injection ({@link Fault#PARTIAL}, or a test's
     * {@link RowFailuresForNow}) asks for per-row transient failures: the API should process the request but fail
     * "for now" the rows for which {@code failRow} answers true, with the vendor's per-row transient answer (HubSpot: a
     * non-validation error in a 207 multi-status), so a connector reports them as retry. An API whose vendor answers
     * transient failures for the whole request only must ignore it rather than fail rows in a permanent shape: a
     * per-row error the connector must read as a rejection is not a transient failure.
     */
    SandboxResponse handle(SandboxRequest request, boolean partialFailure, java.util.function.BooleanSupplier failRow);

    /**
     * The vendor's answer when a request exceeds the rate limit (real or injected), announcing {@code retryAfter}.
     * The default is a bare 429 with {@code Retry-After} in whole seconds.
     */
    default SandboxResponse rateLimited(Duration retryAfter, RollingWindowLimit limit, int remaining) {
        return new SandboxResponse(429, Map.of("Retry-After", String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000))),
                "{\"error\":\"rate limited\"}");
    }

    /** The vendor's answer to an injected server error. */
    default SandboxResponse serverError() {
        return SandboxResponse.json(503, Map.of("status", "error", "message", "Service temporarily unavailable (sandbox fault)"));
    }

    /** Whether a request counts against the rate limit; by default every request does. */
    default boolean rateLimited(SandboxRequest request) {
        return true;
    }
}
