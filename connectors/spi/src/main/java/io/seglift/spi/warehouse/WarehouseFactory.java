package io.seglift.spi.warehouse;

import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.nio.file.Path;

/**
 * Creates {@link Warehouse}s of one type ({@code duckdb}, {@code postgres}, ...). Found with {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.seglift.spi.warehouse.WarehouseFactory}.
 */
public interface WarehouseFactory {

    /** The {@code warehouse.type} value this factory serves. */
    String type();

    /** The keys of the {@code warehouse:} block (besides {@code type} and {@code schema}). */
    ConfigSpec configSpec();

    /**
     * Opens a connection. {@code projectDir} resolves relative paths; {@code schema} is where Seglift keeps its own
     * tables (created on first use by the migrator ({@code io.seglift.toolkit.jdbc.Migrator})).
     */
    Warehouse open(Settings settings, Path projectDir, String schema);
}
