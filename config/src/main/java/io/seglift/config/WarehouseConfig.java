package io.seglift.config;

import io.seglift.spi.settings.Settings;

/**
 * The {@code warehouse:} block.
 *
 * @param type     factory type, e.g. {@code duckdb} or {@code postgres}
 * @param schema   schema for Seglift's own tables (default {@code seglift})
 * @param settings the remaining keys, validated against the factory's spec; secrets resolved and masked
 */
public record WarehouseConfig(String type, String schema, Settings settings) {
}
