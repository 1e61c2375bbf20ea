package io.seglift.measure;

import io.seglift.config.SegliftTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest readiness audit from {@code audits}: its scalar columns (run id, as-of, headline numbers,
 * recommendation) and the parsed full JSON, whatever column holds it.
 *
 * @param columns scalar columns as text, in table order
 * @param json    the full audit document, or null
 */
public record LatestAudit(Map<String, String> columns, JsonNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Optional<LatestAudit> read(Warehouse w) {
        if (!w.tableExists(w.own(SegliftTables.AUDITS))) return Optional.empty();
        Dialect d = w.dialect();
        List<String> names = w.columns(w.own(SegliftTables.AUDITS)).stream().map(c -> c.name()).toList();
        boolean hasAsOf = names.stream().anyMatch(n -> n.equalsIgnoreCase("as_of"));
        boolean hasRunAt = names.stream().anyMatch(n -> n.equalsIgnoreCase("run_at"));
        String order = hasAsOf ? " ORDER BY as_of DESC" + (hasRunAt ? ", run_at DESC" : "") : "";
        String cols = names.stream().map(n -> d.castText(d.quote(n)) + " AS " + d.quote(n))
                .reduce((a, b) -> a + ", " + b).orElse("*");
        return w.queryOne("SELECT " + cols + " FROM " + d.table(w.own(SegliftTables.AUDITS)) + order + d.limit(1), List.of(), r -> {
            Map<String, String> scalars = new LinkedHashMap<>();
            JsonNode json = null;
            for (String n : names) {
                String v = r.string(n);
                if (v != null && v.trim().startsWith("{") && json == null) {
                    try {
                        json = MAPPER.readTree(v);
                        continue;
                    } catch (Exception notJson) {
                        // shown as text below
                    }
                }
                scalars.put(n, v);
            }
            return new LatestAudit(scalars, json);
        });
    }
}
