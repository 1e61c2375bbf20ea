package io.seglift.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.config.schema.ProjectSchema;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectSchemaTest {
    private final ProjectSchema schema = new ProjectSchema(new Warehouses(List.of(new DuckDbWarehouseFactory())),
            new Destinations(List.of(new FakeDestinationFactory("hubspot"))));

    @Test
    void isDraft2020WithPerTypeConnectorKeys() throws Exception {
        JsonNode s = new ObjectMapper().readTree(schema.toJson());
        assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(s.get("required")).extracting(JsonNode::asText).containsExactly("project", "warehouse", "sources");
        JsonNode warehouse = s.at("/properties/warehouse");
        assertThat(warehouse.at("/properties/type/enum/0").asText()).isEqualTo("duckdb");
        assertThat(warehouse.at("/allOf/0/if/properties/type/const").asText()).isEqualTo("duckdb");
        assertThat(warehouse.at("/allOf/0/then/properties/path/description").asText()).contains("database file");
        assertThat(warehouse.at("/allOf/0/then/additionalProperties").asBoolean(true)).isFalse();
        JsonNode destination = s.at("/properties/destinations/additionalProperties");
        assertThat(destination.at("/allOf/0/then/properties/token/$ref").asText()).isEqualTo("#/$defs/secret");
        assertThat(destination.at("/allOf/0/then/required")).extracting(JsonNode::asText).contains("type", "token");
        assertThat(destination.at("/allOf/0/then/properties/batch_size/default").asText()).isEqualTo("100");
        assertThat(destination.at("/allOf/0/then/description").asText())
                .as("each destination type shows its connector's version()")
                .isEqualTo("hubspot connector, version " + new FakeDestinationFactory("hubspot").version() + ".");
        assertThat(s.at("/$defs/secret/pattern").asText()).contains("env|file");
        assertThat(s.at("/properties/sources/properties/orders/properties/rules/properties/count_by/enum"))
                .extracting(JsonNode::asText).containsExactly("order", "line", "day");
        assertThat(s.at("/properties/segments/additionalProperties/properties/holdout/description").asText())
                .contains("0 to 50%");
    }

    @Test
    void everyKeyOfTheDocumentedExampleIsInTheSchema() throws Exception {
        JsonNode s = new ObjectMapper().readTree(schema.toJson());
        Object example = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(TestLoaders.resource("full-example.yaml")));
        List<String> missing = new ArrayList<>();
        walk(s, s, example, "", missing);
        assertThat(missing).isEmpty();
    }

    /** Follows every key of {@code value} through the schema (properties, named maps, items, per-type if/then). */
    @SuppressWarnings("unchecked")
    private static void walk(JsonNode root, JsonNode node, Object value, String path, List<String> missing) {
        if (node.has("$ref")) node = root.at(node.get("$ref").asText().substring(1));
        if (value instanceof List<?> list) {
            if (node.has("items")) for (Object o : list) walk(root, node.get("items"), o, path + "[]", missing);
            return;
        }
        if (!(value instanceof Map<?, ?> map)) return;
        for (var e : ((Map<String, Object>) map).entrySet()) {
            JsonNode next = node.at("/properties/" + e.getKey());
            if (next.isMissingNode() && node.has("allOf")) {
                for (JsonNode rule : node.get("allOf")) {
                    if (rule.at("/if/properties/type/const").asText().equals(String.valueOf(map.get("type")))) {
                        next = rule.at("/then/properties/" + e.getKey());
                    }
                }
            }
            if (next.isMissingNode() && node.path("additionalProperties").isObject()) {
                JsonNode ap = node.get("additionalProperties");
                next = ap;
            }
            if (next.isMissingNode()) missing.add(path + "." + e.getKey());
            else walk(root, next, e.getValue(), path + "." + e.getKey(), missing);
        }
    }
}
