package io.seglift.toolkit.jdbc;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code INSERT ... ON CONFLICT (keys) DO UPDATE}, the upsert of engines that have it (PostgreSQL, DuckDB). Engines
 * with {@code MERGE} instead (Snowflake, BigQuery) implement {@link Dialect#upsert} themselves.
 */
public final class OnConflictUpsert {
    private OnConflictUpsert() {
    }

    public static List<String> statements(Dialect d, TableName table, List<String> keys, List<String> values,
                                          String select) {
        String cols = d.columns(keys) + (values.isEmpty() ? "" : ", " + d.columns(values));
        String action = values.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                + values.stream().map(v -> d.quote(v) + " = EXCLUDED." + d.quote(v)).collect(Collectors.joining(", "));
        return List.of("INSERT INTO " + d.table(table) + " (" + cols + ") " + select
                + " ON CONFLICT (" + d.columns(keys) + ") " + action);
    }
}
