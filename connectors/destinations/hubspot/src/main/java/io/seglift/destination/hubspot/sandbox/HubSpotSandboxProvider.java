package io.seglift.destination.hubspot.sandbox;

import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.WireMockSandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Starts {@link HubSpotSandboxApi} on WireMock; documented limit of private apps on Free and Starter: 100 requests per
 * rolling 10 seconds (Professional and Enterprise: 190, which {@code seglift demo} enforces when the project declares
 * that tier with {@code rate_limit}): https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details
 */
public final class HubSpotSandboxProvider implements SandboxProvider {

    @Override
    public String type() {
        return "hubspot";
    }

    @Override
    public RollingWindowLimit documentedLimit() {
        return new RollingWindowLimit(100, Duration.ofSeconds(10));
    }

    @Override
    public int defaultPort() {
        return 18681;
    }

    @Override
    public Map<String, String> demoCredentials() {
        return Map.of("HUBSPOT_TOKEN", "demo-sandbox-hubspot-token");
    }

    @Override
    public Sandbox start(SandboxOptions options) {
        return WireMockSandbox.start(new HubSpotSandboxApi(), options);
    }

    /** Starts a sandbox with a daily request budget, after which it answers 429 with policy DAILY. */
    public Sandbox start(SandboxOptions options, long dailyLimit) {
        return WireMockSandbox.start(new HubSpotSandboxApi(dailyLimit), options);
    }
}
