package io.seglift.warehouse.snowflake;

import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.spi.warehouse.WarehouseFactory;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * {@code warehouse: {type: snowflake, account: xy12345.eu-west-1, user: SEGLIFT, password: ${env:SNOWFLAKE_PASSWORD},
 * role: SEGLIFT_ROLE, warehouse: SEGLIFT_WH, database: ANALYTICS}}, or {@code private_key_file} (with
 * {@code passphrase}) instead of a password. {@code url} replaces the host
 * ({@code https://host[:port]} for a private link; {@code http://127.0.0.1:PORT} for a local stub). The {@code schema}
 * key is, as for every warehouse, where Seglift keeps its own tables.
 *
 * <p>Every connection disables the driver's cloud platform detection (which probes cloud metadata addresses) and its
 * telemetry, unless the project file sets {@code platform_detection: true} or {@code telemetry: true}; sessions run in
 * UTC with timestamps bound as {@code TIMESTAMP_NTZ} and one statement per call.
 */
public final class SnowflakeWarehouseFactory implements WarehouseFactory {

    @Override
    public String type() {
        return "snowflake";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required("account", ConfigKey.Type.STRING, "account identifier, e.g. xy12345.eu-west-1 or "
                        + "myorg-myaccount"),
                ConfigKey.required("user", ConfigKey.Type.STRING, "login name"),
                ConfigKey.optional("password", ConfigKey.Type.SECRET, null,
                        "password, as ${env:NAME} or ${file:PATH}; or use private_key_file"),
                ConfigKey.optional("private_key_file", ConfigKey.Type.STRING, null,
                        "PKCS#8 private key for key-pair authentication, relative to the project file"),
                ConfigKey.optional("passphrase", ConfigKey.Type.SECRET, null,
                        "passphrase of an encrypted private_key_file, as ${env:NAME} or ${file:PATH}"),
                ConfigKey.optional("role", ConfigKey.Type.STRING, null, "role to use; a read-only role is advised "
                        + "for seglift sql"),
                ConfigKey.optional("warehouse", ConfigKey.Type.STRING, null, "virtual warehouse that runs queries"),
                ConfigKey.required("database", ConfigKey.Type.STRING, "database holding the source tables"),
                ConfigKey.optional("url", ConfigKey.Type.URL, null, "overrides the host: https://HOST[:PORT] for a "
                        + "private link, http://127.0.0.1:PORT for tests"),
                ConfigKey.optional("telemetry", ConfigKey.Type.BOOLEAN, "false",
                        "let the driver send its client telemetry to Snowflake"),
                ConfigKey.optional("platform_detection", ConfigKey.Type.BOOLEAN, "false",
                        "let the driver probe cloud metadata addresses to detect the platform it runs on"));
    }

    @Override
    public Warehouse open(Settings settings, Path projectDir, String schema) {
        String account = settings.requireString("account");
        Properties props = new Properties();
        props.setProperty("account", account);
        props.setProperty("user", settings.requireString("user"));
        settings.secret("password").ifPresent(p -> props.setProperty("password", p.reveal()));
        settings.string("private_key_file").ifPresent(f -> {
            props.setProperty("authenticator", "SNOWFLAKE_JWT");
            props.setProperty("private_key_file", projectDir.resolve(f).toAbsolutePath().normalize().toString());
        });
        settings.secret("passphrase").ifPresent(p -> props.setProperty("private_key_file_pwd", p.reveal()));
        if (!props.containsKey("password") && !props.containsKey("private_key_file")) {
            throw new WarehouseException("warehouse: set password (as ${env:NAME}) or private_key_file for "
                    + "type snowflake");
        }
        if (props.containsKey("password") && props.containsKey("private_key_file")) {
            throw new WarehouseException("warehouse: set password or private_key_file for type snowflake, not both");
        }
        props.setProperty("database", settings.requireString("database"));
        settings.string("role").ifPresent(r -> props.setProperty("role", r));
        settings.string("warehouse").ifPresent(w -> props.setProperty("warehouse", w));
        String url = settings.uri("url").map(SnowflakeWarehouseFactory::urlFor)
                .orElse("jdbc:snowflake://" + account + ".snowflakecomputing.com/");
        return open(url, props, schema, settings.bool("telemetry", false), settings.bool("platform_detection", false));
    }

    /** The JDBC URL for an overriding {@code url}: http means a plain-text connection (tests only). */
    static String urlFor(URI uri) {
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new WarehouseException("warehouse.url: '" + uri + "' must be https://HOST[:PORT] (or "
                    + "http://127.0.0.1:PORT for a local stub)");
        }
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return "jdbc:snowflake://" + hostPort + "/" + ("http".equals(uri.getScheme()) ? "?ssl=off" : "");
    }

    /** The properties every Seglift connection sets, whatever the project file says. */
    static void safeDefaults(Properties props, boolean telemetry, boolean platformDetection) {
        if (!platformDetection) props.setProperty("disablePlatformDetection", "true");
        if (!telemetry) {
            props.setProperty("CLIENT_TELEMETRY_ENABLED", "false");
            props.setProperty("CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED", "false");
        }
        props.setProperty("TIMEZONE", "UTC");
        props.setProperty("CLIENT_TIMESTAMP_TYPE_MAPPING", "TIMESTAMP_NTZ");
        props.setProperty("MULTI_STATEMENT_COUNT", "1");
        props.setProperty("enablePutGet", "false");
        props.setProperty("application", "seglift");
    }

    /** Opens a connection at {@code url} with the safe defaults; used by tests and tools. */
    public static SnowflakeWarehouse open(String url, Properties props, String schema, boolean telemetry,
                                          boolean platformDetection) {
        Properties all = new Properties();
        all.putAll(props);
        safeDefaults(all, telemetry, platformDetection);
        try {
            Connection c = DriverManager.getConnection(url, all);
            return new SnowflakeWarehouse(c, schema);
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to Snowflake at " + withoutQuery(url) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
