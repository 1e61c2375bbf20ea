package io.seglift.destination.facebook.sandbox;

import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.WireMockSandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Starts a Graph API sandbox for {@code seglift demo}; it accepts any non-blank access token. Meta throttles custom
 * audience calls dynamically rather than by a published number, so the realistic limit is the pace the destination
 * keeps by default (60 calls a minute).
 */
public final class FacebookSandboxProvider implements SandboxProvider {

    @Override
    public String type() {
        return "facebook";
    }

    @Override
    public RollingWindowLimit documentedLimit() {
        return new RollingWindowLimit(60, Duration.ofMinutes(1));
    }

    @Override
    public int defaultPort() {
        return 18683;
    }

    @Override
    public Map<String, String> demoCredentials() {
        return Map.of("FACEBOOK_ACCESS_TOKEN", "demo-sandbox-facebook-token");
    }

    @Override
    public Sandbox start(SandboxOptions options) {
        return WireMockSandbox.start(new FacebookSandboxApi(token -> !token.isBlank()), options);
    }
}
