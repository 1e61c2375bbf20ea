package io.seglift.warehouse.duckdb;

import io.seglift.toolkit.files.DataFiles;
import io.seglift.spi.progress.Progress;
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
import java.util.Properties;

/**
 * Reads a CSV or Parquet file with a private in-memory DuckDB (the only instance allowed to touch files) and streams
 * its rows, as text, into the warehouse's appender; the warehouse then casts them to the types DuckDB inferred. The
 * warehouse's own instance keeps file access off, so user SQL running there can never read or write files.
 */
final class DuckDbFileLoader {
    private static final int PROGRESS_EVERY = 10_000;

    private DuckDbFileLoader() {
    }

    static long load(DuckDbWarehouse warehouse, Path file, TableName table, Progress progress) {
        String reader = DataFiles.readerExpression(file);
        progress.start("loading " + file.getFileName() + " into " + table, -1);
        table.schema().ifPresent(s -> warehouse.execute(warehouse.dialect().createSchemaIfNotExists(s)));
        Properties streaming = new Properties();
        streaming.setProperty("jdbc_stream_results", "true");
        TableName staging = new TableName(table.catalog(), table.schema(), table.table() + "__seglift_load");
        try (Connection files = DriverManager.getConnection("jdbc:duckdb:", streaming)) {
            List<String[]> columns = DataFiles.describe(files, reader);
            List<String> defs = new ArrayList<>();
            List<String> casts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String[] c : columns) {
                String q = quoteFileColumn(c[0]);
                defs.add(q + " VARCHAR");
                casts.add("CAST(" + q + " AS " + c[1] + ") AS " + q);
                names.add(c[0]);
            }
            String stagingName = warehouse.dialect().table(staging);
            warehouse.execute("DROP TABLE IF EXISTS " + stagingName);
            warehouse.execute("CREATE TABLE " + stagingName + " (" + String.join(", ", defs) + ")");
            try {
                copyRows(files, reader, columns.size(), warehouse, staging, names, progress);
                warehouse.inTransaction(w -> {
                    for (String sql : w.dialect().replaceTableAs(table,
                            "SELECT " + String.join(", ", casts) + " FROM " + stagingName)) {
                        w.execute(sql);
                    }
                });
            } finally {
                warehouse.execute("DROP TABLE IF EXISTS " + stagingName);
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading " + file + ": " + e.getMessage(), e);
        }
        long rows = warehouse.queryLong("SELECT count(*) FROM " + warehouse.dialect().table(table));
        progress.finish(String.format(Locale.ROOT, "%,d rows loaded into %s", rows, table));
        return rows;
    }

    private static void copyRows(Connection files, String reader, int width, DuckDbWarehouse warehouse,
                                 TableName staging, List<String> names, Progress progress) throws SQLException {
        List<String> select = new ArrayList<>();
        for (String n : names) select.add("CAST(" + quoteFileColumn(n) + " AS VARCHAR)");
        try (Statement st = files.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM " + reader);
             DuckDbBulkWriter out = warehouse.rawWriter(staging)) {
            long n = 0;
            Object[] values = new Object[width];
            while (rs.next()) {
                for (int i = 0; i < width; i++) values[i] = rs.getString(i + 1);
                out.row(values);
                if (++n % PROGRESS_EVERY == 0) progress.advance(PROGRESS_EVERY);
            }
            progress.advance(n % PROGRESS_EVERY);
        }
    }

    /** File headers may hold spaces or punctuation; embedded quotes are doubled. */
    private static String quoteFileColumn(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new WarehouseException("file column '" + name + "' cannot be a column name (empty or NUL)");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
