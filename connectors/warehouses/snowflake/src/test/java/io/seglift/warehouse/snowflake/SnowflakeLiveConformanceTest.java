package io.seglift.warehouse.snowflake;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.testkit.warehouse.WarehouseConformanceTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.util.List;
import java.util.Properties;

/**
 * The whole warehouse conformance kit against a real Snowflake account, when {@code SEGLIFT_SNOWFLAKE_ACCOUNT},
 * {@code _USER}, {@code _PASSWORD}, {@code _DATABASE} (and optionally {@code _ROLE}, {@code _WAREHOUSE}) are set;
 * every check is skipped otherwise. It drops and recreates the schemas {@code KIT} and {@code KIT_OWN}.
 */
@Tag("live")
class SnowflakeLiveConformanceTest extends WarehouseConformanceTest {

    /** Runs before the kit opens anything, so without credentials the whole class is skipped cleanly. */
    @BeforeAll
    void requireAccount() {
        Assumptions.assumeTrue(optional("ACCOUNT").isPresent(),
                "SEGLIFT_SNOWFLAKE_ACCOUNT is not set: the live Snowflake suite is skipped");
    }

    @Override
    protected Warehouse openWarehouse(String schema) {
        String account = require("ACCOUNT");
        Properties p = new Properties();
        p.setProperty("user", require("USER"));
        p.setProperty("password", require("PASSWORD"));
        p.setProperty("database", require("DATABASE"));
        optional("ROLE").ifPresent(r -> p.setProperty("role", r));
        optional("WAREHOUSE").ifPresent(w -> p.setProperty("warehouse", w));
        p.setProperty("account", account);
        SnowflakeWarehouse w = SnowflakeWarehouseFactory.open("jdbc:snowflake://" + account
                + ".snowflakecomputing.com/", p, schema, false, false);
        for (String s : List.of(KIT, schema)) w.execute("DROP SCHEMA IF EXISTS " + w.dialect().quote(s) + " CASCADE");
        return w;
    }

    @Override
    protected List<String> engineHostileStatements(java.nio.file.Path dir) {
        return List.of("SELECT SYSTEM$CANCEL_ALL_QUERIES(CURRENT_SESSION())",
                "ALTER SESSION SET TIMEZONE = 'America/New_York'",
                "USE ROLE ACCOUNTADMIN",
                "CALL SYSTEM$WAIT(1)",
                "GET @~/x file:///tmp/",
                "SELECT 1; DROP SCHEMA KIT");
    }

    private static String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("SEGLIFT_SNOWFLAKE_" + name
                + " must be set with SEGLIFT_SNOWFLAKE_ACCOUNT"));
    }

    private static java.util.Optional<String> optional(String name) {
        return java.util.Optional.ofNullable(System.getenv("SEGLIFT_SNOWFLAKE_" + name)).filter(v -> !v.isBlank());
    }
}
