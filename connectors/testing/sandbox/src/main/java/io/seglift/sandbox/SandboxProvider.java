package io.seglift.sandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the sandbox of one destination type, and says how a demo project reaches it; registered in
 * {@code META-INF/services/io.seglift.sandbox.SandboxProvider} by the destination module. {@code seglift demo} starts
 * one per destination it uses, {@code seglift sandbox} serves them all on their {@link #defaultPort() default ports},
 * and {@code demo.env} is written from {@link #demoEnvironment(URI)}: no list of vendors exists outside the providers.
 */
public interface SandboxProvider {

    /** The destination type this sandbox stands in for, e.g. {@code hubspot}. */
    String type();

    /**
     * The limit the vendor documents, used when {@link SandboxOptions#rateLimit()} is empty and the caller asks for
     * realistic behaviour with {@link #startRealistic}.
     */
    RollingWindowLimit documentedLimit();

    /**
     * The loopback port {@code seglift sandbox} serves this sandbox on unless told otherwise, and that
     * {@code demo.env} points {@link #baseUrlVariable()} at; no two providers may share one.
     */
    int defaultPort();

    /**
     * Throw-away credentials the sandbox accepts, by the environment variable a project file reads each from, e.g.
     * {@code HUBSPOT_TOKEN=demo-sandbox-hubspot-token}. Never a real credential.
     */
    Map<String, String> demoCredentials();

    /** The environment variable a project file reads this sandbox's base URL from; {@code TYPE_BASE_URL} by default. */
    default String baseUrlVariable() {
        return type().toUpperCase(Locale.ROOT).replace('-', '_') + "_BASE_URL";
    }

    /** The variables a project needs to reach this sandbox at {@code baseUrl}: its credentials, then the base URL. */
    default Map<String, String> demoEnvironment(URI baseUrl) {
        Map<String, String> env = new LinkedHashMap<>(demoCredentials());
        env.put(baseUrlVariable(), baseUrl.toString());
        return env;
    }

    /** Where this sandbox is served on its {@link #defaultPort()}. */
    default URI defaultBaseUrl() {
        return URI.create("http://127.0.0.1:" + defaultPort());
    }

    /** Starts a sandbox with exactly the given options. */
    Sandbox start(SandboxOptions options);

    /** Starts a sandbox enforcing the vendor's documented limit, with the given faults. */
    default Sandbox startRealistic(FaultPlan faults) {
        RollingWindowLimit l = documentedLimit();
        return start(SandboxOptions.defaults().withRateLimit(l.requests(), l.window()).withFaults(faults));
    }
}
