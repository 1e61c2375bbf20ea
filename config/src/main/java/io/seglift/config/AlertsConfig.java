package io.seglift.config;

import io.seglift.spi.settings.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The project file's {@code alerts:} block: where signed alert messages go and which events send one.
 *
 * @param webhook            the receiver and the signing secret; empty when the block is absent (no alerts)
 * @param on                 the kinds sent ({@code on}, default: all)
 * @param rejectedShareAbove a run whose rejected rows are more than this share of the rows it sent alerts
 *                           ({@code rejected_share_above}, 0 to 1, default {@link #DEFAULT_REJECTED_SHARE})
 * @param maxAttempts        delivery attempts per alert, the first included ({@code max_attempts}, 1 to 10, default
 *                           {@link #DEFAULT_MAX_ATTEMPTS})
 * @param giveUpAfter        no retry starts later than this after the first attempt ({@code give_up_after}, default
 *                           {@link #DEFAULT_GIVE_UP_AFTER})
 */
public record AlertsConfig(Optional<Webhook> webhook, Set<AlertKind> on, double rejectedShareAbove, int maxAttempts,
                           Duration giveUpAfter) {
    public static final double DEFAULT_REJECTED_SHARE = 0.05;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(2);
    /** No {@code alerts:} block: nothing is sent. */
    public static final AlertsConfig NONE = new AlertsConfig(Optional.empty(), EnumSet.allOf(AlertKind.class),
            DEFAULT_REJECTED_SHARE, DEFAULT_MAX_ATTEMPTS, DEFAULT_GIVE_UP_AFTER);

    /**
     * Where alerts are posted.
     *
     * @param url    an https URL, or http on a loopback host (127.0.0.1, ::1, localhost)
     * @param secret the signing key ({@code ${env:..}} or {@code ${file:..}} only); masked in {@code toString}
     */
    public record Webhook(URI url, Secret secret) {
    }

    public AlertsConfig {
        on = on.isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(on);
        on = java.util.Collections.unmodifiableSet(on);
        if (!(rejectedShareAbove >= 0 && rejectedShareAbove <= 1)) {
            throw new IllegalArgumentException("rejected_share_above must be a share from 0 to 1");
        }
        if (maxAttempts < 1) throw new IllegalArgumentException("max_attempts must be 1 or more");
    }

    public boolean enabled() {
        return webhook.isPresent();
    }

    /** Whether alerts of this kind are sent. */
    public boolean sends(AlertKind kind) {
        return enabled() && on.contains(kind);
    }
}
