package io.seglift.config.read;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping whose keys are checked: duplicate keys and non-text keys are reported when it is built, unknown keys
 * by {@link #allow}, missing ones by {@link #required}.
 */
public final class YamlMap {
    private final MappingNode node;
    private final Node anchor;
    private final String path;
    private final ReadContext ctx;
    private final Map<String, YamlValue> entries = new LinkedHashMap<>();

    YamlMap(MappingNode node, Node anchor, String path, ReadContext ctx) {
        this.node = node;
        this.anchor = anchor;
        this.path = path;
        this.ctx = ctx;
        Map<String, Node> firstKey = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                ctx.problems().error(t.getKeyNode(), path, "keys must be plain text");
                continue;
            }
            String key = k.getValue();
            Node prior = firstKey.putIfAbsent(key, k);
            if (prior != null) {
                ctx.problems().error(k, child(key), "duplicate key '" + key + "' (first defined at line "
                        + (prior.getStartMark().map(m -> m.getLine() + 1).orElse(0)) + ")");
                continue;
            }
            entries.put(key, new YamlValue(t.getValueNode(), k, child(key), ctx));
        }
    }

    public String path() {
        return path;
    }

    public Node node() {
        return node;
    }

    public ReadContext context() {
        return ctx;
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Entries in file order (values may be null nodes). */
    public Map<String, YamlValue> entries() {
        return entries;
    }

    /** Reports every key not in {@code allowed}, with a did-you-mean suggestion. */
    public void allow(Collection<String> allowed) {
        for (Map.Entry<String, YamlValue> e : entries.entrySet()) {
            String key = e.getKey();
            YamlValue v = e.getValue();
            if (!allowed.contains(key)) {
                ctx.problems().error(v.anchor(), v.path(), "unknown key '" + key + "' ("
                        + DidYouMean.hint(key, allowed) + "allowed here: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The value of {@code key}; empty when absent or written with no value. */
    public Optional<YamlValue> get(String key) {
        YamlValue v = entries.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The value of {@code key}, reporting it as missing when absent. */
    public Optional<YamlValue> required(String key) {
        Optional<YamlValue> v = get(key);
        if (v.isEmpty()) missing(key, "");
        return v;
    }

    /** Reports {@code key} as missing, with an optional hint about what it is for. */
    public void missing(String key, String hint) {
        ctx.problems().error(anchor, child(key), "missing required key '" + key + "'" + (path.isEmpty() ? "" : " in "
                + path) + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
}
