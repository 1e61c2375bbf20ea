package io.seglift.warehouse.postgres;

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
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code warehouse: {type: postgres, url: jdbc:postgresql://host:5432/db, user: seglift,
 * password: ${env:PGPASSWORD}}}. Sessions run in UTC so timestamps mean the same in every engine.
 */
public final class PostgresWarehouseFactory implements WarehouseFactory {

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required("url", ConfigKey.Type.URL, "JDBC URL, e.g. jdbc:postgresql://host:5432/db"),
                ConfigKey.optional("user", ConfigKey.Type.STRING, null, "database user"),
                ConfigKey.optional("password", ConfigKey.Type.SECRET, null,
                        "database password, as ${env:NAME} or ${file:PATH}"),
                ConfigKey.optional("options", ConfigKey.Type.STRING, null,
                        "server options sent at connect, e.g. \"-c statement_timeout=0\""));
    }

    @Override
    public Warehouse open(Settings settings, Path projectDir, String schema) {
        String url = settings.requireString("url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new WarehouseException("warehouse.url must start with jdbc:postgresql: (e.g. "
                    + "jdbc:postgresql://host:5432/db)");
        }
        Properties props = new Properties();
        settings.string("user").ifPresent(u -> props.setProperty("user", u));
        settings.secret("password").ifPresent(p -> props.setProperty("password", p.reveal()));
        settings.string("options").ifPresent(o -> props.setProperty("options", o));
        props.setProperty("ApplicationName", "seglift");
        return open(url, props, schema);
    }

    /** Opens a connection at {@code url}; used by tests and tools. */
    public static PostgresWarehouse open(String url, Properties props, String schema) {
        try {
            Connection c = DriverManager.getConnection(url, props);
            try (Statement st = c.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
            return new PostgresWarehouse(c, schema);
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to PostgreSQL at " + withoutQuery(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its query string, which may carry credentials. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
