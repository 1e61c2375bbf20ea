package io.seglift.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.seglift.sandbox.RowFailuresForNow;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.WireMockExchange;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Serves a destination's {@link SandboxApi} for tests: unlike {@code WireMockSandbox} (built for long demo runs) it
 * keeps WireMock's request journal, so tests can inspect or validate every request sent, and exposes the server so
 * {@link WireMockFaults} can put one-shot faults in front of the API.
 */
public final class SandboxServer implements AutoCloseable {
    private static final String TRANSFORMER = "seglift-test-sandbox";
    private final WireMockServer server;
    private final SandboxApi api;
    private final WireMockFaults faults;
    private final RowFailuresForNow rowFailures = new RowFailuresForNow();

    private SandboxServer(SandboxApi api) {
        this.api = api;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true)
                .extensions(new Transformer()));
        this.faults = new WireMockFaults(server);
    }

    /** Starts serving {@code api} on a free port. */
    public static SandboxServer serve(SandboxApi api) {
        SandboxServer s = new SandboxServer(api);
        s.server.start();
        s.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(TRANSFORMER)));
        return s;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    public SandboxApi api() {
        return api;
    }

    public WireMockFaults faults() {
        return faults;
    }

    /** Makes the API fail the next {@code rows} rows it writes "for now" (see {@link RowFailuresForNow}). */
    public void failRowsForNow(int rows) {
        rowFailures.arm(rows);
    }

    @Override
    public void close() {
        if (server.isRunning()) server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            boolean armed = rowFailures.armed();
            return WireMockExchange.response(api.handle(WireMockExchange.request(event.getRequest()), armed,
                    armed ? rowFailures.failRow() : () -> false), 0);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
