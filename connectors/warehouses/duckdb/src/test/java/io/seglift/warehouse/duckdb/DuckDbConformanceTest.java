package io.seglift.warehouse.duckdb;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.testkit.warehouse.WarehouseConformanceTest;

import java.nio.file.Path;
import java.util.List;

/** DuckDB against the warehouse conformance kit, with the statements only DuckDB has (ATTACH, INSTALL, read_text). */
class DuckDbConformanceTest extends WarehouseConformanceTest {

    @Override
    protected Warehouse openWarehouse(String schema) {
        return DuckDbWarehouseFactory.inMemory(schema);
    }

    @Override
    protected List<String> engineHostileStatements(Path dir) {
        return List.of(
                "SELECT * FROM read_text('" + dir.resolve("secret.env") + "')",
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM glob('/root/**')",
                "SELECT * FROM glob('" + dir + "/*')",
                "ATTACH '" + dir.resolve("other.duckdb") + "' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "PRAGMA threads = 1",
                "SET threads = 1",
                "SET enable_external_access = true",
                "RESET lock_configuration",
                "CHECKPOINT",
                "EXPORT DATABASE '" + dir.resolve("export") + "'",
                "select E'\\'' ; delete from kit.guarded; select 1 --'");
    }
}
