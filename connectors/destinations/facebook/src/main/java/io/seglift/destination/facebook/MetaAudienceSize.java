package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.spi.destination.AudienceSize;

import java.util.Map;
import java.util.Optional;

/**
 * Meta's size estimate of a custom audience: {@code approximate_count_lower_bound} and {@code
 * approximate_count_upper_bound} of https://developers.facebook.com/docs/marketing-api/reference/custom-audience/
 * (they replaced {@code approximate_count}). Read by the run history and by the lookalike check alike.
 */
final class MetaAudienceSize {
    private MetaAudienceSize() {
    }

    /** The estimate, or empty when Meta leaves the fields out; Meta's -1 (no estimate yet) reads as 0. */
    static Optional<AudienceSize> read(GraphClient graph, String audienceId) {
        JsonNode a = graph.call("GET", audienceId, Map.of("fields",
                "approximate_count_lower_bound,approximate_count_upper_bound")).json();
        JsonNode lower = a.path("approximate_count_lower_bound");
        JsonNode upper = a.path("approximate_count_upper_bound");
        if (!lower.canConvertToLong() || !upper.canConvertToLong()) return Optional.empty();
        long low = Math.max(0, lower.asLong());
        return Optional.of(new AudienceSize(low, Math.max(low, upper.asLong())));
    }
}
