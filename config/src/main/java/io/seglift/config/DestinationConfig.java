package io.seglift.config;

import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.settings.Settings;

import java.util.List;
import java.util.Optional;

/**
 * {@code destinations.NAME}.
 *
 * @param name       destination name
 * @param type       factory type ({@code hubspot}, {@code klaviyo}, {@code facebook}, {@code webhook})
 * @param settings   the type's keys, validated against its spec; secrets masked
 * @param rateLimit  overrides the documented limit ({@code rate_limit: {requests: 100, per: 10s}})
 * @param unresolved {@code ${env:..}} / {@code ${file:..}} references in the block that could not be resolved; they
 *                   matter only to the commands that send to this destination ({@link #requireResolved()})
 */
public record DestinationConfig(String name, String type, Settings settings, Optional<RateLimit> rateLimit,
                                List<Problem> unresolved) {

    public DestinationConfig {
        unresolved = List.copyOf(unresolved);
    }

    /** A block whose references all resolved. */
    public DestinationConfig(String name, String type, Settings settings, Optional<RateLimit> rateLimit) {
        this(name, type, settings, rateLimit, List.of());
    }

    /**
     * Called before anything uses the destination (plan, sync, serve): its unresolved references become a {@link
     * ConfigException} naming each with its line.
     */
    public DestinationConfig requireResolved() {
        if (!unresolved.isEmpty()) throw new ConfigException(unresolved);
        return this;
    }
}
