package io.seglift.config.read;

import io.seglift.config.SqlFragment;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.TableName;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML value with its path and position. Each accessor either returns the converted value or reports a problem
 * (what was found, what is allowed) and returns empty, so readers carry on and collect every problem.
 */
public final class YamlValue {
    private final Node node;
    private final Node keyNode;
    private final String path;
    private final ReadContext ctx;

    YamlValue(Node node, Node keyNode, String path, ReadContext ctx) {
        this.node = node;
        this.keyNode = keyNode;
        this.path = path;
        this.ctx = ctx;
    }

    /** The document root. */
    public static YamlValue root(Node node, ReadContext ctx) {
        return new YamlValue(node, null, "", ctx);
    }

    public Node node() {
        return node;
    }

    /** The key this value belongs to, or the value itself; where "missing key" problems point. */
    public Node anchor() {
        return keyNode != null ? keyNode : node;
    }

    public String path() {
        return path;
    }

    public ReadContext context() {
        return ctx;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public void error(String message) {
        ctx.problems().error(node, path, message);
    }

    public Optional<YamlMap> map() {
        if (node instanceof MappingNode m) return Optional.of(new YamlMap(m, anchor(), path, ctx));
        error("expected a mapping (key: value lines), found " + describe());
        return Optional.empty();
    }

    public Optional<List<YamlValue>> list() {
        if (node instanceof SequenceNode s) {
            List<YamlValue> items = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                items.add(new YamlValue(s.getValue().get(i), null, path + "[" + i + "]", ctx));
            }
            return Optional.of(items);
        }
        error("expected a list, found " + describe());
        return Optional.empty();
    }

    /** The scalar's text with {@code ${env:..}} and {@code ${file:..}} resolved. */
    public Optional<String> text() {
        if (!(node instanceof ScalarNode s)) {
            error("expected a single value, found " + describe());
            return Optional.empty();
        }
        try {
            return Optional.of(ctx.references().resolve(s.getValue()));
        } catch (References.Failure f) {
            ctx.unresolved(node, path, f.getMessage());
            return Optional.empty();
        }
    }

    /** Non-blank text. */
    public Optional<String> nonBlank() {
        Optional<String> t = text();
        if (t.isPresent() && t.get().isBlank()) {
            error("must not be empty");
            return Optional.empty();
        }
        return t;
    }

    /** Non-blank SQL written by the user, recorded with its position so the warehouse's objections can point here. */
    public Optional<String> sql(SqlFragment.Kind kind) {
        Optional<String> t = nonBlank();
        t.ifPresent(sql -> ctx.sql().add(new SqlFragment(kind, path, sql,
                node.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                node.getStartMark().map(m -> m.getColumn() + 1).orElse(0))));
        return t;
    }

    /** A plain SQL identifier (column, schema, or a name Seglift uses in SQL). */
    public Optional<String> identifier() {
        return text().flatMap(t -> {
            if (Identifiers.isValid(t)) return Optional.of(t);
            error(shown(t) + " is not a valid identifier "
                    + "(allowed: a letter or _, then letters, digits, _ or $; at most 128 characters)");
            return Optional.empty();
        });
    }

    /** {@code [catalog.][schema.]table}. */
    public Optional<TableName> table() {
        return text().flatMap(t -> {
            try {
                return Optional.of(TableName.parse(t, "table"));
            } catch (InvalidIdentifierException e) {
                error(shown(t) + " is not a valid table name (allowed: [catalog.][schema.]table, each part a "
                        + "letter or _, then letters, digits, _ or $; at most 128 characters)");
                return Optional.empty();
            }
        });
    }

    public Optional<Long> integer(long min, long max) {
        return text().flatMap(t -> {
            try {
                long v = Long.parseLong(t.trim());
                if (v >= min && v <= max) return Optional.of(v);
                error(shown(t) + " is out of range (allowed: " + min + " to " + max + ")");
            } catch (NumberFormatException e) {
                error(shown(t) + " is not a whole number" + (min == Long.MIN_VALUE ? "" : " (allowed: " + min
                        + " to " + max + ")"));
            }
            return Optional.empty();
        });
    }

    public Optional<Double> number() {
        return text().flatMap(t -> {
            try {
                double v = Double.parseDouble(t.trim());
                if (Double.isFinite(v)) return Optional.of(v);
            } catch (NumberFormatException e) {
                // reported below
            }
            error(shown(t) + " is not a number");
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool() {
        return text().flatMap(t -> switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                error(shown(t) + " is not a boolean (allowed: true, false)");
                yield Optional.empty();
            }
        });
    }

    /** One of the keys of {@code allowed} (matched exactly), mapped to its value. */
    public <E> Optional<E> choice(Map<String, E> allowed) {
        return text().flatMap(t -> {
            E v = allowed.get(t.trim());
            if (v != null) return Optional.of(v);
            error("unknown value " + shown(t) + " (" + DidYouMean.hint(t, allowed.keySet()) + "allowed: "
                    + String.join(", ", allowed.keySet()) + ")");
            return Optional.empty();
        });
    }

    /** A list of single values; a single value is read as a list of one. */
    public Optional<List<String>> strings() {
        if (node instanceof ScalarNode) return text().map(List::of);
        return list().map(items -> {
            List<String> out = new ArrayList<>();
            for (YamlValue v : items) v.nonBlank().ifPresent(out::add);
            return out;
        });
    }

    /**
     * A secret: exactly {@code ${env:NAME}} or {@code ${file:PATH}}. A literal is refused without echoing it. A
     * reference the context defers (see {@link ReadContext#unresolved}) gives an empty secret that names its source,
     * so the connector can still be described; using it is refused before anything is sent.
     */
    public Optional<Secret> secret() {
        if (!(node instanceof ScalarNode s)) {
            error("expected ${env:NAME} or ${file:PATH}, found " + describe());
            return Optional.empty();
        }
        try {
            Optional<Secret> secret = ctx.references().secret(s.getValue());
            if (secret.isEmpty()) {
                error("is a secret and must be written as ${env:NAME} or ${file:PATH}; a literal value is not "
                        + "allowed (the value is not shown)");
            }
            return secret;
        } catch (References.Failure f) {
            if (ctx.unresolved(node, path, f.getMessage())) {
                return Optional.of(Secret.of(s.getValue().trim(), ""));
            }
            return Optional.empty();
        }
    }

    /**
     * How a value is quoted in a message: as written when it came from {@code ${env:..}} or {@code ${file:..}} (the
     * resolved text might be sensitive), else as resolved.
     */
    public String shown(String resolved) {
        if (node instanceof ScalarNode s && s.getValue().contains("${")) return "'" + s.getValue() + "' (resolved)";
        return "'" + resolved + "'";
    }

    String describe() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (isNull()) return "nothing";
        return "a single value";
    }
}
