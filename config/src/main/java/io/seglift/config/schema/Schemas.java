package io.seglift.config.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Small builders for JSON Schema nodes. */
final class Schemas {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String REF_PATTERN = "\\$\\{(env|file):[^}]+\\}";

    private Schemas() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode ref(String def, String description) {
        return describe(object().put("$ref", "#/$defs/" + def), description);
    }

    static ObjectNode string(String description) {
        return describe(object().put("type", "string"), description);
    }

    /** A whole number, or a reference resolving to one. */
    static ObjectNode integer(String description, long min, long max) {
        ObjectNode n = scalarOrReference("integer", description);
        ObjectNode i = (ObjectNode) n.path("anyOf").get(0);
        if (min != Long.MIN_VALUE) i.put("minimum", min);
        if (max != Long.MAX_VALUE) i.put("maximum", max);
        return n;
    }

    static ObjectNode bool(String description) {
        return scalarOrReference("boolean", description);
    }

    static ObjectNode number(String description) {
        return scalarOrReference("number", description);
    }

    /** A value of JSON type {@code type}, or a {@code ${env:...}}/{@code ${file:...}} reference. */
    private static ObjectNode scalarOrReference(String type, String description) {
        ObjectNode n = object();
        ArrayNode any = n.putArray("anyOf");
        any.addObject().put("type", type);
        any.addObject().put("$ref", "#/$defs/reference");
        return describe(n, description);
    }

    static ObjectNode enumeration(String description, List<String> values) {
        ObjectNode n = object();
        ArrayNode e = n.putArray("enum");
        values.forEach(e::add);
        return describe(n, description);
    }

    static ObjectNode stringList(String description) {
        ObjectNode n = object();
        ArrayNode any = n.putArray("anyOf");
        any.addObject().put("type", "array").putObject("items").put("type", "string");
        any.addObject().put("type", "string");
        return describe(n, description);
    }

    /** A closed object: only {@code properties} are allowed, {@code required} must be present. */
    static ObjectNode closed(String description, ObjectNode properties, String... required) {
        ObjectNode n = object().put("type", "object");
        describe(n, description);
        n.set("properties", properties);
        n.put("additionalProperties", false);
        if (required.length > 0) {
            ArrayNode r = n.putArray("required");
            for (String k : required) r.add(k);
        }
        return n;
    }

    /** A map from identifier names to {@code values}. */
    static ObjectNode namedMap(String description, ObjectNode values) {
        ObjectNode n = object().put("type", "object");
        describe(n, description);
        n.putObject("propertyNames").put("$ref", "#/$defs/identifier");
        n.set("additionalProperties", values);
        return n;
    }

    static ObjectNode describe(ObjectNode n, String description) {
        if (description != null && !description.isEmpty()) n.put("description", description);
        return n;
    }
}
