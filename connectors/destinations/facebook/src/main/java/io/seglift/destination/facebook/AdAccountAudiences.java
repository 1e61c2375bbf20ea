package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.seglift.spi.destination.DestinationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the ad account's custom audiences, for the custom audience a sync fills and for its lookalike: by id (empty
 * when Graph answers code 100, subcode 33: it does not exist) and by exact name with Graph's {@code filtering} on the
 * name (https://developers.facebook.com/docs/marketing-api/reference/ad-account/customaudiences/), following at most
 * {@value #MAX_PAGES} pages rather than paging through every audience of the account.
 */
final class AdAccountAudiences {
    static final int MAX_PAGES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphClient graph;
    private final String adAccountId;

    AdAccountAudiences(GraphClient graph, String adAccountId) {
        this.graph = graph;
        this.adAccountId = adAccountId;
    }

    /** The audience with this id ({@code id} and {@code name}), or empty when it does not exist. */
    Optional<JsonNode> byId(String id) {
        try {
            return Optional.of(graph.call("GET", id, Map.of("fields", "id,name")).json());
        } catch (DestinationException e) {
            if (GraphClient.NOT_FOUND.equals(e.code())) return Optional.empty();
            throw e;
        }
    }

    /** The id of the first audience named exactly {@code name} that {@code accept}s, reading {@code fields}. */
    Optional<String> idByName(String name, String fields, Predicate<JsonNode> accept) {
        ArrayNode filter = JSON.createArrayNode();
        filter.addObject().put("field", "name").put("operator", "EQUAL").put("value", name);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fields", fields);
        params.put("filtering", filter.toString());
        params.put("limit", "100");
        JsonNode page = graph.call("GET", adAccountId + "/customaudiences", params).json();
        for (int pages = 0; ; pages++) {
            for (JsonNode a : page.path("data")) {
                if (name.equals(a.path("name").asText()) && accept.test(a)) return Optional.of(a.path("id").asText());
            }
            String next = page.path("paging").path("next").asText("");
            if (next.isEmpty() || pages + 1 >= MAX_PAGES) return Optional.empty();
            page = graph.send("GET", next, Map.of()).json();
        }
    }
}
