package io.seglift.destination.facebook;

import com.facebook.ads.sdk.APIContext;

/**
 * An SDK {@link APIContext} pointed at the configured Graph API root that carries the connector's {@link GraphClient},
 * so {@link SdkRequestExecutor} sends the SDK's requests through the engine's HTTP client.
 */
final class GraphApiContext extends APIContext {
    private final GraphClient client;

    GraphApiContext(FacebookOptions options, GraphClient client) {
        super(options.baseUrl(), options.baseUrl(), options.apiVersion(), options.accessToken().reveal(),
                options.appSecret().map(s -> s.reveal()).orElse(null), null, false);
        // the SDK installs a crash reporter that posts uncaught exceptions to Meta; Seglift never sends those
        if (com.facebook.ads.sdk.CrashReporter.isEnabled()) APIContext.disableCrashReport();
        this.client = client;
    }

    GraphClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "GraphApiContext[" + getEndpointBase() + "]";
    }
}
