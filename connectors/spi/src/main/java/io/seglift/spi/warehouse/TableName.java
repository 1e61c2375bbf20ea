package io.seglift.spi.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated table name with an optional schema (and, for engines that have one, a catalog/project), as written in
 * the project file: {@code orders}, {@code raw.orders} or {@code analytics.raw.orders}.
 */
public record TableName(Optional<String> catalog, Optional<String> schema, String table) {

    public TableName {
        catalog.ifPresent(c -> Identifiers.require(c, "catalog"));
        schema.ifPresent(s -> Identifiers.require(s, "schema"));
        Identifiers.require(table, "table");
    }

    public static TableName of(String schema, String table) {
        return new TableName(Optional.empty(), Optional.ofNullable(schema), table);
    }

    /** Parses {@code [catalog.][schema.]table}; throws {@link InvalidIdentifierException} naming {@code what}. */
    public static TableName parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(what + ": a table name is required");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 3) {
            throw new InvalidIdentifierException(what + ": '" + text + "' has too many parts (use [catalog.][schema.]table)");
        }
        for (String p : parts) {
            Identifiers.require(p, what);
        }
        return switch (parts.length) {
            case 1 -> new TableName(Optional.empty(), Optional.empty(), parts[0]);
            case 2 -> new TableName(Optional.empty(), Optional.of(parts[0]), parts[1]);
            default -> new TableName(Optional.of(parts[0]), Optional.of(parts[1]), parts[2]);
        };
    }

    public List<String> parts() {
        List<String> p = new ArrayList<>(3);
        catalog.ifPresent(p::add);
        schema.ifPresent(p::add);
        p.add(table);
        return p;
    }

    @Override
    public String toString() {
        return String.join(".", parts());
    }
}
