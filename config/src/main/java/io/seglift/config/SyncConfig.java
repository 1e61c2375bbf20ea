package io.seglift.config;

import io.seglift.spi.destination.SyncMode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code syncs:}.
 *
 * @param name         sync name (an identifier)
 * @param segment      segment sent
 * @param destination  destination name
 * @param mode         mirror, add-only or upsert
 * @param schedule     cron expression (5 fields, UNIX style) for {@code seglift serve}
 * @param fields       for upsert: destination property to SQL expression over the member view (e.g.
 *                     {@code seglift_rfm_segment: rfm_segment})
 * @param changeLimits how much of the audience one run may remove or add ({@code max_removal_share},
 *                     {@code max_addition_share})
 * @param maxServerWait longest wait for the destination ({@code max_server_wait}: Retry-After, Meta's regain-access
 *                     time, a used-up rate limit) this sync honours before stopping; empty for the engine's default
 * @param minMatchRate  lowest match rate ({@code min_match_rate}, 0 to 1) of a run's uploads before the run carries a
 *                     warning; only destinations that report upload counts (Facebook) have a match rate
 * @param destinationSettings keys of the destination block this sync sets for itself ({@link #PER_SYNC_SETTINGS}),
 *                     e.g. a Meta {@code lookalike}; they override the block's own for this sync's runs
 */
public record SyncConfig(String name, String segment, String destination, SyncMode mode, Optional<String> schedule,
                         Map<String, String> fields, ChangeLimits changeLimits, Optional<Duration> maxServerWait,
                         double minMatchRate, Map<String, Object> destinationSettings) {
    /** Destination keys a sync block may set for itself. */
    public static final java.util.List<String> PER_SYNC_SETTINGS = java.util.List.of("lookalike");

    /** {@code min_match_rate} when the project file sets none. */
    public static final double DEFAULT_MIN_MATCH_RATE = 0.5;

    public SyncConfig {
        if (!(minMatchRate >= 0 && minMatchRate <= 1)) {
            throw new IllegalArgumentException("minMatchRate must be from 0 to 1, got " + minMatchRate);
        }
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        destinationSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(destinationSettings));
        java.util.Objects.requireNonNull(changeLimits, "changeLimits");
        java.util.Objects.requireNonNull(maxServerWait, "maxServerWait");
        if (maxServerWait.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("maxServerWait must not be negative");
        }
    }

    /** A sync that sets none of its destination's keys itself. */
    public SyncConfig(String name, String segment, String destination, SyncMode mode, Optional<String> schedule,
                      Map<String, String> fields, ChangeLimits changeLimits, Optional<Duration> maxServerWait,
                      double minMatchRate) {
        this(name, segment, destination, mode, schedule, fields, changeLimits, maxServerWait, minMatchRate, Map.of());
    }

    /** A sync with the default {@code min_match_rate}. */
    public SyncConfig(String name, String segment, String destination, SyncMode mode, Optional<String> schedule,
                      Map<String, String> fields, ChangeLimits changeLimits, Optional<Duration> maxServerWait) {
        this(name, segment, destination, mode, schedule, fields, changeLimits, maxServerWait, DEFAULT_MIN_MATCH_RATE);
    }

    /** A sync with the default change limits and the engine's default longest server wait. */
    public SyncConfig(String name, String segment, String destination, SyncMode mode, Optional<String> schedule,
                      Map<String, String> fields) {
        this(name, segment, destination, mode, schedule, fields, ChangeLimits.DEFAULT, Optional.empty());
    }

    /** This sync with other change limits (the CLI's {@code --allow-large-changes} passes {@link ChangeLimits#UNLIMITED}). */
    public SyncConfig withChangeLimits(ChangeLimits limits) {
        return new SyncConfig(name, segment, destination, mode, schedule, fields, limits, maxServerWait, minMatchRate,
                destinationSettings);
    }

    /** This sync with another longest server wait. */
    public SyncConfig withMaxServerWait(Duration wait) {
        return new SyncConfig(name, segment, destination, mode, schedule, fields, changeLimits, Optional.of(wait),
                minMatchRate, destinationSettings);
    }

    /** The destination block's settings with this sync's own keys over them: what this sync's runs use. */
    public io.seglift.spi.settings.Settings settingsFor(DestinationConfig destination) {
        io.seglift.spi.settings.Settings out = destination.settings();
        for (Map.Entry<String, Object> e : destinationSettings.entrySet()) out = out.with(e.getKey(), e.getValue());
        return out;
    }
}
