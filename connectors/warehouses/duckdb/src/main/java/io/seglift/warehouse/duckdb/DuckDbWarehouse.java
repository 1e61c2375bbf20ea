package io.seglift.warehouse.duckdb;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.toolkit.jdbc.JdbcWarehouse;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/** DuckDB over its JDBC driver; bulk writes go through DuckDB's appender. */
public final class DuckDbWarehouse extends JdbcWarehouse {

    DuckDbWarehouse(Connection connection, String schema) {
        super(connection, new DuckDbDialect(), schema);
    }

    @Override
    protected String defaultSchema() {
        return "main";
    }

    @Override
    public synchronized BulkWriter bulkWriter(TableName table, List<String> columns) {
        List<Column> tableColumns = columns(table);
        if (tableColumns.isEmpty()) {
            throw new WarehouseException("cannot append to " + table + ": no such table");
        }
        try {
            var appender = ((DuckDBConnection) connection).createAppender(
                    table.schema().orElse(defaultSchema()), table.table());
            return new DuckDbBulkWriter(appender, tableColumns, columns, table);
        } catch (java.sql.SQLException e) {
            throw new WarehouseException("cannot open an appender on " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long loadFile(Path file, TableName table, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new WarehouseException("no file at " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = dialect().literal(file.toAbsolutePath().toString());
        String reader;
        if (name.endsWith(".parquet")) {
            reader = "read_parquet(" + path + ")";
        } else if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            reader = "read_csv(" + path + ", header = true, sample_size = 100000)";
        } else {
            throw new WarehouseException(file + ": unsupported file type (allowed: .csv, .csv.gz, .tsv, .txt, .parquet)");
        }
        progress.start("loading " + file.getFileName() + " into " + table, -1);
        table.schema().ifPresent(s -> execute(dialect().createSchemaIfNotExists(s)));
        transaction(w -> {
            for (String sql : dialect().replaceTableAs(table, "SELECT * FROM " + reader)) {
                w.execute(sql);
            }
            return null;
        });
        long rows = queryLong("SELECT count(*) FROM " + dialect().table(table));
        progress.finish(String.format(Locale.ROOT, "%,d rows loaded into %s", rows, table));
        return rows;
    }
}
