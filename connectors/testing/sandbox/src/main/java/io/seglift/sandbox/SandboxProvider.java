package io.seglift.sandbox;

/**
 * Starts the sandbox of one destination type; registered in
 * {@code META-INF/services/io.seglift.sandbox.SandboxProvider} by the destination module so {@code seglift demo} can
 * start one per destination it uses.
 */
public interface SandboxProvider {

    /** The destination type this sandbox stands in for, e.g. {@code hubspot}. */
    String type();

    /**
     * The limit the vendor documents, used when {@link SandboxOptions#rateLimit()} is empty and the caller asks for
     * realistic behaviour with {@link #startRealistic}.
     */
    RollingWindowLimit documentedLimit();

    /** Starts a sandbox with exactly the given options. */
    Sandbox start(SandboxOptions options);

    /** Starts a sandbox enforcing the vendor's documented limit, with the given faults. */
    default Sandbox startRealistic(FaultPlan faults) {
        RollingWindowLimit l = documentedLimit();
        return start(SandboxOptions.defaults().withRateLimit(l.requests(), l.window()).withFaults(faults));
    }
}
