package io.seglift.spi.destination;

import io.seglift.spi.time.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the engine hands a destination. An interface with defaults so it can grow without breaking connectors: a new
 * service is a new method with a default. Build one with {@link #builder()} or take {@link #defaults()}.
 */
public interface DestinationContext {

    /** Shared HTTP client (the engine's is paced per rate-limit scope); destinations must not build their own. */
    HttpClient httpClient();

    /** The only source of time a destination may use. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** The only way a destination may wait (e.g. between polls of an import job). */
    default Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    /** Timeout of one HTTP request. */
    default Duration requestTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Where a destination logs; never identifiers' values, tokens or message bodies with personal data. */
    default Logger logger() {
        return LoggerFactory.getLogger("io.seglift.destination");
    }

    /** A context with a fresh client, the system clock, real sleeping and a 30 second timeout. */
    static DestinationContext defaults() {
        return builder().build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds an immutable {@link DestinationContext}; unset parts take the defaults. */
    final class Builder {
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Logger logger = LoggerFactory.getLogger("io.seglift.destination");

        private Builder() {
        }

        public Builder httpClient(HttpClient c) {
            this.httpClient = Objects.requireNonNull(c, "httpClient");
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        public Builder requestTimeout(Duration t) {
            if (t.isZero() || t.isNegative()) throw new IllegalArgumentException("requestTimeout must be positive: " + t);
            this.requestTimeout = t;
            return this;
        }

        public Builder logger(Logger l) {
            this.logger = Objects.requireNonNull(l, "logger");
            return this;
        }

        public DestinationContext build() {
            HttpClient http = httpClient != null ? httpClient
                    : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new Fixed(http, clock, sleeper, requestTimeout, logger);
        }

        private record Fixed(HttpClient httpClient, Clock clock, Sleeper sleeper, Duration requestTimeout, Logger logger)
                implements DestinationContext {
        }
    }
}
