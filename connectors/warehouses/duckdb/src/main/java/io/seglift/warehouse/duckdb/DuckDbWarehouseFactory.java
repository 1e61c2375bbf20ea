package io.seglift.warehouse.duckdb;

import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.spi.warehouse.WarehouseFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** {@code warehouse: {type: duckdb, path: ./acme.duckdb}}; without a path, an in-memory database. */
public final class DuckDbWarehouseFactory implements WarehouseFactory {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.optional("path", ConfigKey.Type.STRING, null,
                        "database file, relative to the project file; omitted means in-memory"),
                ConfigKey.optional("memory_limit", ConfigKey.Type.STRING, null, "DuckDB memory_limit, e.g. 2GB"),
                ConfigKey.optional("threads", ConfigKey.Type.INTEGER, null, "DuckDB worker threads"));
    }

    @Override
    public Warehouse open(Settings settings, Path projectDir, String schema) {
        String url = settings.string("path")
                .map(p -> "jdbc:duckdb:" + projectDir.resolve(p).toAbsolutePath().normalize())
                .orElse("jdbc:duckdb:");
        return open(url, schema, settings);
    }

    /**
     * Opens a database at a JDBC URL ({@code jdbc:duckdb:} for memory); used by tests and tools. SQL on the instance
     * cannot touch the file system or change its configuration ({@code enable_external_access=false},
     * {@code lock_configuration=true}): segment rules, sync {@code fields}, {@code cancelled_when} and {@code seglift
     * sql} all run here, and {@link DuckDbWarehouse#loadFile} reads files through a separate instance.
     */
    public static DuckDbWarehouse open(String url, String schema, Settings settings) {
        try {
            Properties props = new Properties();
            settings.string("memory_limit").ifPresent(v -> props.setProperty("memory_limit", v));
            settings.string("threads").ifPresent(v -> props.setProperty("threads", v));
            props.setProperty("enable_external_access", "false");
            props.setProperty("lock_configuration", "true");
            Connection c = DriverManager.getConnection(url, props);
            return new DuckDbWarehouse(c, schema);
        } catch (SQLException e) {
            throw new WarehouseException("cannot open DuckDB at " + url + ": " + e.getMessage()
                    + " (is another seglift process using the file?)", e);
        }
    }

    /** An in-memory database, for tests. */
    public static DuckDbWarehouse inMemory(String schema) {
        return open("jdbc:duckdb:", schema, new Settings("memory", "duckdb", java.util.Map.of()));
    }
}
