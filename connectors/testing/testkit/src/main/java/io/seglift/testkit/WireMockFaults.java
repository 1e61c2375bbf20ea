package io.seglift.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * Injects one-shot faults in front of a WireMock sandbox: a high-priority stub answers the next matching request with
 * the fault, then moves its scenario on so later requests fall through to the sandbox's own behaviour.
 */
public final class WireMockFaults {
    private final WireMockServer server;

    public WireMockFaults(WireMockServer server) {
        this.server = server;
    }

    /** Answers the next request (any method, any path) with {@code response}, once. */
    public void once(ResponseDefinitionBuilder response) {
        String scenario = "fault-" + UUID.randomUUID();
        server.stubFor(any(anyUrl()).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("spent")
                .willReturn(response));
    }

    /** Answers the next request with what the sandbox API renders, once. */
    public void once(io.seglift.sandbox.SandboxResponse response) {
        ResponseDefinitionBuilder b = aResponse().withStatus(response.status()).withBody(response.body());
        response.headers().forEach(b::withHeader);
        once(b);
    }

    /** The API's own rate-limit answer announcing {@code wait}, once. */
    public void rateLimitOnce(io.seglift.sandbox.SandboxApi api, java.time.Duration wait) {
        once(api.rateLimited(wait, null, 0));
    }

    /** The API's own transient server error, once. */
    public void serverErrorOnce(io.seglift.sandbox.SandboxApi api) {
        once(api.serverError());
    }

    /** A 429 with a {@code Retry-After} header in seconds. */
    public void rateLimitOnce(long retryAfterSeconds) {
        once(aResponse().withStatus(429).withHeader("Retry-After", Long.toString(retryAfterSeconds))
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"status\":429,\"code\":\"throttled\",\"detail\":\"Request was throttled.\"}]}"));
    }

    /** A 503 with a JSON body. */
    public void serverErrorOnce() {
        once(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"status\":503,\"detail\":\"Service unavailable\"}]}"));
    }

    /** Drops the connection without answering. */
    public void connectionResetOnce() {
        once(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }
}
