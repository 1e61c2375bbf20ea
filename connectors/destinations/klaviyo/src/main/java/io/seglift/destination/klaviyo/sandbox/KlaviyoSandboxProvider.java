package io.seglift.destination.klaviyo.sandbox;

import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.WireMockSandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Starts a Klaviyo sandbox for {@code seglift demo}. It accepts any non-blank API key, and enforces the steady limit
 * of the bulk import tier (150 requests a minute) when started realistically.
 */
public final class KlaviyoSandboxProvider implements SandboxProvider {

    @Override
    public String type() {
        return "klaviyo";
    }

    @Override
    public RollingWindowLimit documentedLimit() {
        return new RollingWindowLimit(150, Duration.ofMinutes(1));
    }

    @Override
    public int defaultPort() {
        return 18682;
    }

    @Override
    public Map<String, String> demoCredentials() {
        return Map.of("KLAVIYO_API_KEY", "demo-sandbox-klaviyo-key");
    }

    @Override
    public Sandbox start(SandboxOptions options) {
        return WireMockSandbox.start(new KlaviyoSandboxApi(key -> !key.isBlank()), options);
    }
}
