package io.seglift.warehouse.postgres;

import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.testkit.warehouse.WarehouseConformanceTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL against the warehouse conformance kit. The kit connects as {@code seglift_kit}, a user without
 * superuser rights, as a deployment should: a superuser can read server files even in a read-only transaction, so
 * user SQL on a superuser connection is refused (checked below).
 */
class PostgresConformanceTest extends WarehouseConformanceTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE seglift_kit LOGIN");
            st.execute("GRANT CREATE ON DATABASE postgres TO seglift_kit");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Override
    protected Warehouse openWarehouse(String schema) {
        Properties props = new Properties();
        props.setProperty("user", "seglift_kit");
        PostgresWarehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("seglift_kit", "postgres"), props, schema);
        w.execute("DROP SCHEMA IF EXISTS " + KIT + " CASCADE");
        w.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        return w;
    }

    @Override
    protected List<String> engineHostileStatements(Path dir) {
        return List.of(
                "WITH d AS (DELETE FROM kit.guarded RETURNING *) SELECT * FROM d",
                "WITH d AS (UPDATE kit.guarded SET v = 'x' RETURNING *) SELECT * FROM d",
                "DO $$ BEGIN DELETE FROM kit.guarded; END $$",
                "SELECT pg_read_file('" + dir.resolve("secret.env") + "')",
                "SELECT pg_read_file('/etc/passwd')",
                "SELECT * FROM pg_ls_dir('/')",
                "SELECT lo_import('/etc/passwd')",
                "SELECT E'\\''; SET default_transaction_read_only = off; DELETE FROM kit.guarded; SELECT 1 --'",
                "COMMIT; DELETE FROM kit.guarded",
                "SELECT nextval('no_such_sequence')");
    }

    /** SET runs inside the read-only transaction and is undone by its rollback. */
    @Override
    protected List<String> engineHarmlessStatements() {
        return List.of("SET default_transaction_read_only = off", "SET search_path = nowhere",
                "SELECT set_config('search_path', 'nowhere', false)");
    }

    @Test
    void userSqlIsRefusedOnASuperuserConnection() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (PostgresWarehouse su = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "x")) {
            assertThatThrownBy(() -> su.queryReadOnly("SELECT pg_read_file('/etc/passwd')", r -> { }))
                    .isInstanceOf(ReadOnlyViolationException.class).hasMessageContaining("superuser");
        }
    }
}
