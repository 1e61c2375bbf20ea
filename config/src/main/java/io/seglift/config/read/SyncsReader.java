package io.seglift.config.read;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.seglift.config.ChangeLimits;
import io.seglift.config.DestinationConfig;
import io.seglift.config.SqlFragment;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code syncs:}: names unique, segment and destination defined, mode known, schedule a 5-field cron, change
 * limits shares ({@code 20%} or {@code 0.2}; a removal share at most 100%), {@code max_server_wait} a duration of at
 * most a day, {@code min_match_rate} a share from 0 to 100%.
 */
public final class SyncsReader {
    /** A sync holding its lock longer than a day for one server wait is not a wait but an outage. */
    static final Duration MAX_SERVER_WAIT = Duration.ofDays(1);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private SyncsReader() {
    }

    public static Optional<List<SyncConfig>> read(List<YamlValue> items, Set<String> segments,
                                                  Set<String> destinations) {
        return read(items, segments, destinations, Map.of(), null);
    }

    /**
     * As {@link #read(List, Set, Set)}, also checking the destination keys a sync sets for itself ({@link
     * SyncConfig#PER_SYNC_SETTINGS}) with the factory of its destination: the key must be one that factory takes, and
     * the factory's own checks run on the block's settings with the sync's value in place. {@code blocks} holds the
     * destinations that read without errors ({@code factories} may be null when there are none).
     */
    public static Optional<List<SyncConfig>> read(List<YamlValue> items, Set<String> segments, Set<String> destinations,
                                                  Map<String, DestinationConfig> blocks, Destinations factories) {
        List<SyncConfig> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean ok = true;
        for (YamlValue item : items) {
            Optional<YamlMap> map = item.map();
            Optional<SyncConfig> s = map.flatMap(m -> sync(m, segments, destinations, blocks, factories));
            if (s.isEmpty()) {
                ok = false;
                continue;
            }
            YamlValue name = map.get().get("name").orElse(item);
            int line = name.node().getStartMark().map(mk -> mk.getLine() + 1).orElse(0);
            Integer first = seen.putIfAbsent(s.get().name(), line);
            if (first != null) {
                name.error("duplicate sync name '" + s.get().name()
                        + "' (first used at line " + first + "; sync names must be unique)");
                ok = false;
            } else {
                out.add(s.get());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<SyncConfig> sync(YamlMap m, Set<String> segments, Set<String> destinations,
                                             Map<String, DestinationConfig> blocks, Destinations factories) {
        m.allow(Keys.SYNC);
        var name = m.required("name").flatMap(YamlValue::identifier);
        var segment = m.required("segment").flatMap(v -> reference(v, "segment", segments));
        var destination = m.required("destination").flatMap(v -> reference(v, "destination", destinations));
        var mode = m.get("mode").map(v -> v.choice(modes())).orElse(Optional.of(SyncMode.MIRROR));
        Optional<Optional<String>> schedule = m.get("schedule").map(v -> cron(v).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Map<String, String>> fields = m.get("fields").map(v -> v.map().flatMap(SyncsReader::fields))
                .orElse(Optional.of(Map.of()));
        var removal = m.get("max_removal_share").map(v -> share(v, 1.0)).orElse(Optional.of(ChangeLimits.DEFAULT_SHARE));
        var addition = m.get("max_addition_share").map(v -> share(v, Double.POSITIVE_INFINITY))
                .orElse(Optional.of(ChangeLimits.DEFAULT_SHARE));
        Optional<Optional<Duration>> maxWait = m.get("max_server_wait").map(v -> wait(v).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        var minMatchRate = m.get("min_match_rate").map(v -> share(v, 1.0, "a valid min_match_rate"))
                .orElse(Optional.of(SyncConfig.DEFAULT_MIN_MATCH_RATE));
        Map<String, Object> own = new LinkedHashMap<>();
        boolean ownOk = true;
        for (String key : SyncConfig.PER_SYNC_SETTINGS) {
            Optional<YamlValue> v = m.get(key);
            if (v.isEmpty()) continue;
            Optional<Map<String, Object>> value = v.get().map().flatMap(ConnectorBlock::nested);
            if (value.isEmpty()) {
                ownOk = false;
            } else if (destination.isPresent() && !ownSettingAllowed(v.get(), key, value.get(),
                    blocks.get(destination.get()), factories)) {
                ownOk = false;
            } else {
                own.put(key, value.get());
            }
        }
        if (name.isEmpty() || segment.isEmpty() || destination.isEmpty() || mode.isEmpty() || schedule.isEmpty()
                || fields.isEmpty() || removal.isEmpty() || addition.isEmpty() || maxWait.isEmpty()
                || minMatchRate.isEmpty() || !ownOk) {
            return Optional.empty();
        }
        return Optional.of(new SyncConfig(name.get(), segment.get(), destination.get(), mode.get(), schedule.get(),
                fields.get(), new ChangeLimits(removal.get(), addition.get()), maxWait.get(), minMatchRate.get(), own));
    }

    /**
     * Whether the sync's own {@code key} suits its destination: a key the destination's factory takes, whose value
     * passes the factory's checks on the block's settings with it in place. A block that did not read is judged there.
     */
    private static boolean ownSettingAllowed(YamlValue at, String key, Object value, DestinationConfig block,
                                             Destinations factories) {
        if (block == null || factories == null) return true;
        Optional<DestinationFactory> factory = factories.find(block.type());
        if (factory.isEmpty()) return true;
        if (factory.get().configSpec().key(key).isEmpty()) {
            at.error("destination '" + block.name() + "' is of type " + block.type() + ", which takes no " + key
                    + " (" + key + " is for destinations whose block takes it, e.g. facebook)");
            return false;
        }
        List<String> problems = factory.get().validate(block.settings().with(key, value)).stream()
                .filter(p -> p.startsWith(key)).toList();
        for (String p : problems) {
            int colon = p.indexOf(':');
            at.error(colon > 0 ? p.substring(colon + 1).trim() : p);
        }
        return problems.isEmpty();
    }

    private static Map<String, SyncMode> modes() {
        Map<String, SyncMode> m = new LinkedHashMap<>();
        for (SyncMode mode : SyncMode.values()) m.put(mode.yamlName(), mode);
        return m;
    }

    private static Optional<String> reference(YamlValue v, String what, Set<String> defined) {
        return v.nonBlank().flatMap(name -> {
            if (defined.contains(name)) return Optional.of(name);
            v.error(References.unknown(what, name, defined));
            return Optional.empty();
        });
    }

    /** A share of the audience: {@code 20%} or {@code 0.2}, from 0 to {@code max}. */
    static Optional<Double> share(YamlValue v, double max) {
        return share(v, max, "a share of the audience");
    }

    /** A share ({@code what} in the message): {@code 20%} or {@code 0.2}, from 0 to {@code max}. */
    static Optional<Double> share(YamlValue v, double max, String what) {
        String allowed = max > 1 ? "0 or more" : "0 to 100%";
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
            if (!(share >= 0 && share <= max) || Double.isInfinite(share)) {
                v.error(v.shown(t) + " is not " + what + " (allowed: a percentage such as 20% or a fraction "
                        + "such as 0.2, " + allowed + ")");
                return Optional.empty();
            }
            return Optional.of(share);
        });
    }

    /** The longest server wait a sync honours: a duration from 0 (never wait) to 1 day, e.g. {@code 15m}. */
    static Optional<Duration> wait(YamlValue v) {
        return v.nonBlank().flatMap(t -> {
            try {
                Duration d = Settings.parseDuration(t.trim());
                if (!d.isNegative() && d.compareTo(MAX_SERVER_WAIT) <= 0) return Optional.of(d);
            } catch (RuntimeException e) {
                // reported below
            }
            v.error(v.shown(t) + " is not a valid max_server_wait (allowed: a duration from 0s to 1d, e.g. 30s, 15m, 2h "
                    + "or ISO-8601 such as PT15M)");
            return Optional.empty();
        });
    }

    /** A 5-field UNIX cron expression, e.g. {@code "0 6 * * *"}. */
    static Optional<String> cron(YamlValue v) {
        return v.nonBlank().flatMap(t -> {
            try {
                CRON.parse(t.trim()).validate();
                return Optional.of(t.trim());
            } catch (IllegalArgumentException e) {
                v.error(v.shown(t) + " is not a valid cron expression: " + (v.shown(t).contains("${") ? "" : e.getMessage())
                        + " (allowed: 5 fields, minute hour day-of-month month day-of-week, e.g. \"0 6 * * *\")");
                return Optional.empty();
            }
        });
    }

    private static Optional<Map<String, String>> fields(YamlMap m) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : m.entries().entrySet()) {
            Optional<String> sql = e.getValue().sql(SqlFragment.Kind.SYNC_FIELD);
            if (sql.isPresent()) out.put(e.getKey(), sql.get());
            else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
