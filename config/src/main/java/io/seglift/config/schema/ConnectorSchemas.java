package io.seglift.config.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector block ({@code warehouse:} or one destination) as a schema: {@code type} picks, through if/then, the keys
 * of that type's {@link ConfigSpec} besides the block's common keys.
 */
final class ConnectorSchemas {
    private ConnectorSchemas() {
    }

    static ObjectNode block(String description, ObjectNode common, Map<String, ConfigSpec> specs) {
        return block(description, common, specs, Map.of());
    }

    /** As {@link #block(String, ObjectNode, Map)}; each type's rule is described with its connector's version. */
    static ObjectNode block(String description, ObjectNode common, Map<String, ConfigSpec> specs,
                            Map<String, String> versions) {
        ObjectNode n = Schemas.object().put("type", "object");
        Schemas.describe(n, description + " Available types: " + String.join(", ", specs.keySet()) + ".");
        ObjectNode props = common.deepCopy();
        props.set("type", Schemas.enumeration("Connector type.", new ArrayList<>(specs.keySet())));
        n.set("properties", props);
        n.putArray("required").add("type");
        ArrayNode all = n.putArray("allOf");
        for (var e : specs.entrySet()) {
            ObjectNode rule = all.addObject();
            rule.putObject("if").putObject("properties").putObject("type").put("const", e.getKey());
            ObjectNode then = Schemas.object();
            String version = versions.get(e.getKey());
            if (version != null) then.put("description", e.getKey() + " connector, version " + version + ".");
            ObjectNode thenProps = then.putObject("properties");
            common.fieldNames().forEachRemaining(k -> thenProps.putObject(k));
            thenProps.putObject("type");
            List<String> required = new ArrayList<>(List.of("type"));
            for (ConfigKey key : e.getValue().keys()) {
                thenProps.set(key.name(), key(key));
                if (key.required()) required.add(key.name());
            }
            then.put("additionalProperties", false);
            ArrayNode req = then.putArray("required");
            required.forEach(req::add);
            rule.set("then", then);
        }
        return n;
    }

    static ObjectNode key(ConfigKey key) {
        String d = key.description() + (key.secret() ? " Secret: write ${env:NAME} or ${file:PATH}." : "");
        ObjectNode n = switch (key.type()) {
            case SECRET -> Schemas.ref("secret", d);
            case STRING -> Schemas.string(d);
            case URL -> Schemas.describe(Schemas.string(d).put("format", "uri"), null);
            case INTEGER -> Schemas.integer(d, Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMBER -> Schemas.number(d);
            case BOOLEAN -> Schemas.bool(d);
            case ENUM -> Schemas.enumeration(d, key.allowed());
            case STRING_LIST -> Schemas.stringList(d);
            case DURATION -> Schemas.ref("duration", d);
            case MAP -> Schemas.describe(Schemas.object().put("type", "object"), d);
        };
        if (key.defaultValue() != null) n.put("default", key.defaultValue());
        return n;
    }
}
