package io.seglift.warehouse.snowflake;

import io.seglift.toolkit.files.DataFiles;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a CSV or Parquet file: an in-memory DuckDB reads it and infers its column types, the rows stream into a staging
 * table by batched binds, and the staging table is swapped in, so a failed load leaves the old table.
 */
final class SnowflakeFileLoader {
    private static final int PROGRESS_EVERY = 10_000;

    private final SnowflakeWarehouse warehouse;
    private final SnowflakeDialect dialect;

    SnowflakeFileLoader(SnowflakeWarehouse warehouse, SnowflakeDialect dialect) {
        this.warehouse = warehouse;
        this.dialect = dialect;
    }

    long load(Path file, TableName table, Progress progress) {
        String reader = DataFiles.readerExpression(file);
        TableName staging = new TableName(table.catalog(), table.schema(), table.table() + "__seglift_new");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String[]> columns = DataFiles.describe(duck, reader);
            List<String> names = new ArrayList<>();
            List<String> defs = new ArrayList<>();
            for (String[] c : columns) {
                names.add(Identifiers.require(c[0], file.getFileName() + ": column"));
                defs.add(dialect.quote(c[0]) + " " + snowflakeType(c[1]));
            }
            progress.start("load " + file.getFileName(), -1);
            warehouse.execute("CREATE OR REPLACE TRANSIENT TABLE " + dialect.table(staging) + " ("
                    + String.join(", ", defs) + ")");
            long n = 0;
            try (Statement st = duck.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + reader);
                 BulkWriter out = warehouse.bulkWriter(staging, names)) {
                Object[] values = new Object[names.size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) values[i] = rs.getString(i + 1);
                    out.row(values);
                    if (++n % PROGRESS_EVERY == 0) progress.advance(PROGRESS_EVERY);
                }
            }
            progress.advance(n % PROGRESS_EVERY);
            warehouse.execute("CREATE OR REPLACE TABLE " + dialect.table(table) + " AS SELECT * FROM " + dialect.table(staging));
            warehouse.execute("DROP TABLE IF EXISTS " + dialect.table(staging));
            progress.finish(String.format(Locale.ROOT, "%,d rows loaded into %s", n, table));
            return n;
        } catch (SQLException e) {
            throw new WarehouseException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Snowflake's type for a DuckDB-inferred type; anything unusual becomes VARCHAR. */
    static String snowflakeType(String duckType) {
        String t = duckType.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) return t.replace("DECIMAL", "NUMBER");
        return switch (t) {
            case "BOOLEAN" -> "BOOLEAN";
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" -> "NUMBER(19, 0)";
            case "HUGEINT", "UBIGINT", "UHUGEINT" -> "NUMBER(38, 0)";
            case "FLOAT", "DOUBLE" -> "DOUBLE";
            case "DATE" -> "DATE";
            case "TIME" -> "TIME";
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> "TIMESTAMP_NTZ";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP_TZ";
            default -> "VARCHAR";
        };
    }
}
