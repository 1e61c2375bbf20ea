package io.seglift.destination.webhook.sandbox;

import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.WireMockSandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Starts a webhook receiver for {@code seglift demo}; it verifies signatures made with {@link #DEMO_SECRET}. */
public final class WebhookSandboxProvider implements SandboxProvider {
    /** The signing secret the demo receiver expects; put it in the demo project's environment. */
    public static final String DEMO_SECRET = "seglift-demo-webhook-secret";

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public RollingWindowLimit documentedLimit() {
        return new RollingWindowLimit(10, Duration.ofSeconds(1));
    }

    @Override
    public int defaultPort() {
        return 18684;
    }

    @Override
    public Map<String, String> demoCredentials() {
        return Map.of("WEBHOOK_SIGNING_SECRET", DEMO_SECRET);
    }

    @Override
    public Sandbox start(SandboxOptions options) {
        return WireMockSandbox.start(new WebhookReceiverApi(DEMO_SECRET, Clock.systemUTC()), options);
    }
}
