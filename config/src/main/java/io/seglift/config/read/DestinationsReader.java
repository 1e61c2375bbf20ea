package io.seglift.config.read;

import io.seglift.config.DestinationConfig;
import io.seglift.config.Problem;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.settings.Settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code destinations:}: each block's type picks the factory whose spec checks its keys. */
public final class DestinationsReader {
    private DestinationsReader() {
    }

    private static final List<String> URL_SCHEMES = List.of("http", "https");

    public static Optional<Map<String, DestinationConfig>> read(YamlMap m, Destinations factories) {
        Map<String, DestinationConfig> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            YamlValue v = e.getValue();
            Optional<DestinationConfig> d = NameCheck.identifier(v, e.getKey(), "destination name")
                    .flatMap(name -> v.map().flatMap(dm -> destination(name, dm, factories)));
            if (d.isPresent()) out.put(e.getKey(), d.get());
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<DestinationConfig> destination(String name, YamlMap m, Destinations factories) {
        Optional<String> type = m.required("type").flatMap(YamlValue::nonBlank);
        Optional<Optional<RateLimit>> rateLimit = m.get("rate_limit")
                .map(v -> v.map().flatMap(DestinationsReader::rateLimit).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (type.isEmpty()) return Optional.empty();
        Optional<DestinationFactory> factory = factories.find(type.get());
        if (factory.isEmpty()) {
            m.get("type").get().error(References.unknown("destination type", type.get(), factories.all().keySet())
                    .replace("defined:", "available:").replace("none are defined", "none are available"));
            return Optional.empty();
        }
        Optional<Settings> settings = ConnectorBlock.read(m, name, type.get(), factory.get().configSpec(),
                Keys.DESTINATION, URL_SCHEMES);
        if (settings.isEmpty() || rateLimit.isEmpty()) return Optional.empty();
        if (!connectorChecks(m, factory.get(), settings.get())) return Optional.empty();
        String prefix = m.path() + ".";
        List<Problem> unresolved = m.context().deferred().errors().stream()
                .filter(p -> p.path().startsWith(prefix)).toList();
        return Optional.of(new DestinationConfig(name, type.get(), settings.get(), rateLimit.get(), unresolved));
    }

    /**
     * The connector's own checks ({@link DestinationFactory#validate}); each problem is placed at the key it names
     * ({@code "max_batch_size: ..."}) when the block has it, else at the block.
     */
    private static boolean connectorChecks(YamlMap m, DestinationFactory factory, Settings settings) {
        List<String> found = factory.validate(settings);
        for (String message : found) {
            int colon = message.indexOf(':');
            Optional<YamlValue> at = colon > 0 ? m.get(message.substring(0, colon).trim()) : Optional.empty();
            if (at.isPresent()) at.get().error(message.substring(colon + 1).trim());
            else m.context().problems().error(m.node(), m.path(), message);
        }
        return found.isEmpty();
    }

    /** {@code {requests: 100, per: 10s}}, optionally with the {@code scope} it applies to (default {@code default}). */
    static Optional<RateLimit> rateLimit(YamlMap m) {
        m.allow(Keys.RATE_LIMIT);
        Optional<Long> requests = m.required("requests").flatMap(v -> v.integer(1, Integer.MAX_VALUE));
        Optional<Duration> per = m.required("per").flatMap(DestinationsReader::period);
        Optional<String> scope = m.get("scope").map(YamlValue::nonBlank).orElse(Optional.of("default"));
        if (requests.isEmpty() || per.isEmpty() || scope.isEmpty()) return Optional.empty();
        return Optional.of(new RateLimit(scope.get(), requests.get().intValue(), per.get()));
    }

    private static Optional<Duration> period(YamlValue v) {
        return v.nonBlank().flatMap(t -> {
            try {
                Duration d = Settings.parseDuration(t);
                if (!d.isZero() && !d.isNegative()) return Optional.of(d);
            } catch (RuntimeException e) {
                // reported below
            }
            v.error(v.shown(t) + " is not a positive duration (allowed: 500ms, 10s, 1m, 1h, 1d or ISO-8601 such as PT10S)");
            return Optional.empty();
        });
    }
}
