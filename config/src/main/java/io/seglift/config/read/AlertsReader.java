package io.seglift.config.read;

import io.seglift.config.AlertKind;
import io.seglift.config.AlertsConfig;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code alerts:}: {@code webhook: {url, secret}} (required), {@code on} (alert kinds, default all),
 * {@code rejected_share_above} ({@code 5%} or {@code 0.05}), {@code max_attempts} (1 to 10) and {@code give_up_after}
 * (1s to 1h). The URL must be https, or http on a loopback host: alerts are signed, not encrypted.
 */
public final class AlertsReader {
    static final Duration MAX_GIVE_UP_AFTER = Duration.ofHours(1);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private AlertsReader() {
    }

    public static Optional<AlertsConfig> read(YamlMap m) {
        m.allow(Keys.ALERTS);
        int before = m.context().problems().count();
        Optional<AlertsConfig.Webhook> webhook = m.required("webhook").flatMap(YamlValue::map).flatMap(AlertsReader::webhook);
        Optional<Set<AlertKind>> on = m.get("on").map(AlertsReader::kinds)
                .orElse(Optional.of(EnumSet.allOf(AlertKind.class)));
        Optional<Double> share = m.get("rejected_share_above").map(AlertsReader::share)
                .orElse(Optional.of(AlertsConfig.DEFAULT_REJECTED_SHARE));
        Optional<Long> attempts = m.get("max_attempts").map(v -> v.integer(1, 10))
                .orElse(Optional.of((long) AlertsConfig.DEFAULT_MAX_ATTEMPTS));
        Optional<Duration> giveUp = m.get("give_up_after").map(AlertsReader::giveUpAfter)
                .orElse(Optional.of(AlertsConfig.DEFAULT_GIVE_UP_AFTER));
        if (m.context().problems().count() > before || webhook.isEmpty() || on.isEmpty() || share.isEmpty()
                || attempts.isEmpty() || giveUp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlertsConfig(webhook, on.get(), share.get(), attempts.get().intValue(), giveUp.get()));
    }

    private static Optional<AlertsConfig.Webhook> webhook(YamlMap m) {
        m.allow(Keys.WEBHOOK);
        Optional<URI> url = m.required("url").flatMap(v -> v.nonBlank().flatMap(t -> url(v, t)));
        Optional<Secret> secret = m.get("secret").flatMap(YamlValue::secret);
        if (m.get("secret").isEmpty()) m.missing("secret", "the key alert messages are signed with, "
                + "as ${env:NAME} or ${file:PATH}");
        if (url.isEmpty() || secret.isEmpty()) return Optional.empty();
        return Optional.of(new AlertsConfig.Webhook(url.get(), secret.get()));
    }

    private static Optional<URI> url(YamlValue v, String t) {
        URI u;
        try {
            u = new URI(t.trim());
        } catch (URISyntaxException e) {
            u = null;
        }
        String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u == null || u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        boolean ok = !host.isEmpty() && (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(host));
        if (!ok || u.getUserInfo() != null) {
            v.error(v.shown(t) + " is not an allowed alert URL (allowed: an https URL with a host, e.g. "
                    + "https://hooks.example.com/seglift, or http on 127.0.0.1, ::1 or localhost; no user:password@)");
            return Optional.empty();
        }
        return Optional.of(u);
    }

    private static Optional<Set<AlertKind>> kinds(YamlValue v) {
        return v.list().map(items -> {
            Set<AlertKind> out = EnumSet.noneOf(AlertKind.class);
            boolean ok = true;
            for (YamlValue item : items) {
                Optional<AlertKind> k = item.choice(AlertKind.byCode());
                k.ifPresent(out::add);
                ok &= k.isPresent();
            }
            return ok ? out : null;
        });
    }

    /** {@code 5%} or {@code 0.05}, from 0 to 1. */
    private static Optional<Double> share(YamlValue v) {
        return v.text().flatMap(t -> {
            String s = t.trim();
            boolean percent = s.endsWith("%");
            double share;
            try {
                double n = Double.parseDouble(percent ? s.substring(0, s.length() - 1).trim() : s);
                share = percent ? n / 100.0 : n;
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            if (share >= 0 && share <= 1) return Optional.of(share);
            v.error(v.shown(t) + " is not a share of a run's rows (allowed: a percentage such as 5% or a fraction "
                    + "such as 0.05, 0 to 100%)");
            return Optional.empty();
        });
    }

    private static Optional<Duration> giveUpAfter(YamlValue v) {
        return v.nonBlank().flatMap(t -> {
            try {
                Duration d = Settings.parseDuration(t.trim());
                if (d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(MAX_GIVE_UP_AFTER) <= 0) return Optional.of(d);
            } catch (RuntimeException e) {
                // reported below
            }
            v.error(v.shown(t) + " is not a valid give_up_after (allowed: a duration from 1s to 1h, e.g. 30s, 2m "
                    + "or ISO-8601 such as PT2M)");
            return Optional.empty();
        });
    }

    /** The kinds' codes, for messages and the schema. */
    public static List<String> kindCodes() {
        return List.copyOf(AlertKind.byCode().keySet());
    }
}
