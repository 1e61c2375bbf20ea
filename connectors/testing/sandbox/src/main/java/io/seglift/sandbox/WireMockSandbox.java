package io.seglift.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a {@link SandboxApi} on {@code 127.0.0.1} with WireMock, enforcing the rate limit and injecting faults from
 * {@link SandboxOptions}. Every request goes through one catch-all stub whose transformer applies, in order: the
 * injected fault drawn for the request, the rolling-window limit, then the API model.
 */
public final class WireMockSandbox implements Sandbox {
    private static final String TRANSFORMER = "seglift-sandbox";

    private final SandboxApi api;
    private final SandboxOptions options;
    private final FaultInjector faults;
    private final WireMockServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong limitRejected = new AtomicLong();
    private final AtomicLong first = new AtomicLong(-1);
    private final AtomicLong last = new AtomicLong(-1);
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);

    private WireMockSandbox(SandboxApi api, SandboxOptions options) {
        this.api = api;
        this.options = options;
        this.faults = new FaultInjector(options.faults());
        for (Fault f : Fault.values()) injected.put(f, new AtomicLong());
        WireMockConfiguration config = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(options.port())
                .disableRequestJournal()
                .gzipDisabled(true)
                .http2PlainDisabled(true)
                .containerThreads(32)
                .notifier(new Slf4jNotifier(false))
                .extensions(new Transformer());
        this.server = new WireMockServer(config);
    }

    /** Starts {@code api} with {@code options}; close the result to stop it. */
    public static WireMockSandbox start(SandboxApi api, SandboxOptions options) {
        WireMockSandbox s = new WireMockSandbox(api, options);
        s.server.start();
        s.server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(TRANSFORMER)));
        return s;
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public SandboxApi api() {
        return api;
    }

    @Override
    public SandboxStats stats() {
        Map<Fault, Long> inj = new EnumMap<>(Fault.class);
        injected.forEach((k, v) -> {
            if (k != Fault.NONE && v.get() > 0) inj.put(k, v.get());
        });
        return new SandboxStats(requests.get(), answered.get(), limitRejected.get(), inj, first.get(), last.get());
    }

    @Override
    public void close() {
        if (server.isRunning()) server.stop();
    }

    private ResponseDefinition serve(Request raw) {
        long now = options.millis().getAsLong();
        requests.incrementAndGet();
        first.compareAndSet(-1, now);
        last.accumulateAndGet(now, Math::max);
        SandboxRequest request = WireMockExchange.request(raw);
        Fault fault = faults.next();
        injected.get(fault).incrementAndGet();
        switch (fault) {
            case RATE_LIMITED -> {
                return WireMockExchange.response(api.rateLimited(faults.plan().retryAfter(),
                        options.rateLimit().orElse(null), 0), 0);
            }
            case SERVER_ERROR -> {
                return WireMockExchange.response(api.serverError(), 0);
            }
            case CONNECTION_RESET -> {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
            }
            default -> {
            }
        }
        if (options.rateLimit().isPresent() && api.rateLimited(request)) {
            RollingWindowLimit limit = options.rateLimit().get();
            Optional<Duration> wait = limit.tryAcquire(now);
            if (wait.isPresent()) {
                injected.get(fault).decrementAndGet();
                limitRejected.incrementAndGet();
                return WireMockExchange.response(api.rateLimited(wait.get(), limit, 0), 0);
            }
        }
        SandboxResponse response = api.handle(request, fault == Fault.PARTIAL, faults::failRow);
        answered.incrementAndGet();
        long delay = fault == Fault.DELAY ? faults.plan().delay().toMillis() : 0;
        return WireMockExchange.response(response, delay);
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return serve(serveEvent.getRequest());
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
