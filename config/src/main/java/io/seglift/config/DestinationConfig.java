package io.seglift.config;

import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.settings.Settings;

import java.util.Optional;

/**
 * {@code destinations.NAME}.
 *
 * @param name      destination name
 * @param type      factory type ({@code hubspot}, {@code klaviyo}, {@code facebook}, {@code webhook})
 * @param settings  the type's keys, validated against its spec; secrets masked
 * @param rateLimit overrides the documented limit ({@code rate_limit: {requests: 100, per: 10s}})
 */
public record DestinationConfig(String name, String type, Settings settings, Optional<RateLimit> rateLimit) {
}
