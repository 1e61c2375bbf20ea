package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A HubSpot sandbox and destinations pointed at it, closed together. */
final class HubSpotFixture implements AutoCloseable {
    final HubSpotSandboxApi api = new HubSpotSandboxApi();
    private final Sandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults());
    private final List<AutoCloseable> open = new ArrayList<>(List.of(sandbox));

    static Settings settings(String baseUrl, String apiVersion) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "token", Secret.of("${env:HUBSPOT_TOKEN}", "svc-key-test"), "base_url", baseUrl));
        if (apiVersion != null) values.put("api_version", apiVersion);
        return new Settings("hubspot_crm", "hubspot", values);
    }

    /** A destination at the default API version. */
    Destination destination() {
        return destination(null);
    }

    Destination destination(String apiVersion) {
        var factory = Destinations.discover().find("hubspot").orElseThrow();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Destination d = factory.create(settings(sandbox.baseUrl().toString(), apiVersion), DestinationContext.builder()
                .httpClient(http).clock(Clock.systemUTC()).requestTimeout(Duration.ofSeconds(5)).build());
        open.add(d);
        return d;
    }

    String baseUrl() {
        return sandbox.baseUrl().toString();
    }

    static Member byEmail(String key, String email) {
        return new Member(key, Map.of(IdentifierType.EMAIL, email), Map.of(), null);
    }

    /** A member as the engine hands it after an erasure: the stored record id and nothing else. */
    static Member byIdOnly(String key, String destinationId) {
        return new Member(key, Map.of(), Map.of(), destinationId);
    }

    static Map<String, RowResult> byKey(BatchResult r) {
        return r.rows().stream().collect(Collectors.toMap(RowResult::key, x -> x));
    }

    static Batch batch(io.seglift.spi.destination.AudienceRef a, io.seglift.spi.destination.Operation op, List<Member> ms) {
        return Batch.builder(a, op, ms).totalInRun(ms.size()).build();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }
}
