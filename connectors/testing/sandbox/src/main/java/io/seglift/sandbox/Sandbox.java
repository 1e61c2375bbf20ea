package io.seglift.sandbox;

import java.net.URI;

/** A running sandbox. Closing it stops the server. */
public interface Sandbox extends AutoCloseable {

    /** Base URL to hand the destination's {@code base_url} setting, e.g. {@code http://127.0.0.1:51234}. */
    URI baseUrl();

    /** Counters so far. */
    SandboxStats stats();

    /** The API model, for tests that inspect what was stored. */
    SandboxApi api();

    @Override
    void close();
}
