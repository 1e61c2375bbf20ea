package io.seglift.destination.klaviyo;

import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.testkit.SandboxServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Klaviyo sandbox on loopback and destinations pointed at it, whose waits are recorded, never slept, and whose clock
 * stands still (an import job's wait ends by its number of polls).
 */
final class KlaviyoFixture implements AutoCloseable {
    final KlaviyoSandboxApi api = new KlaviyoSandboxApi(KlaviyoConformanceTest.KEY::equals);
    final SandboxServer server = SandboxServer.serve(api);
    final List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Destination> opened = new ArrayList<>();

    Destination open(Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("base_url", server.baseUrl(),
                "api_key", Secret.of("${env:KLAVIYO_API_KEY}", KlaviyoConformanceTest.KEY), "job_poll_interval", "1ms"));
        values.putAll(extra);
        Destination d = new KlaviyoDestinationFactory().create(new Settings("klaviyo_email", "klaviyo", values),
                DestinationContext.builder().sleeper(waits::add)
                        .clock(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)).build());
        opened.add(d);
        return d;
    }

    Destination open() {
        return open(Map.of());
    }

    /** Requests the sandbox received for {@code method} and path. */
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests(String method, String path) {
        return server.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().replaceFirst("\\?.*$", "").equals(path))
                .toList();
    }

    @Override
    public void close() {
        opened.forEach(Destination::close);
        server.close();
    }
}
