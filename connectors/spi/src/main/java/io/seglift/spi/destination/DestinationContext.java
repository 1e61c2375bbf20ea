package io.seglift.spi.destination;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What the engine hands a destination: a shared HTTP client, the clock (tests inject a fixed or manual one), the
 * timeout for one request, and a log sink that never receives raw identifiers.
 *
 * @param httpClient     shared client; destinations must not build their own
 * @param clock          the only source of time a destination may use
 * @param requestTimeout timeout for one HTTP request
 */
public record DestinationContext(HttpClient httpClient, Clock clock, Duration requestTimeout) {

    /** A context with a fresh client, the system clock and a 30 second timeout. */
    public static DestinationContext defaults() {
        return new DestinationContext(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(), Duration.ofSeconds(30));
    }
}
