package io.seglift.toolkit.files;

import io.seglift.spi.warehouse.WarehouseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The DuckDB table function that reads a data file, and the columns DuckDB infers for it. */
public final class DataFiles {
    private DataFiles() {
    }

    /** {@code read_csv(...)} or {@code read_parquet(...)} for {@code file}; other types are refused with what is allowed. */
    public static String readerExpression(Path file) {
        if (!Files.isRegularFile(file)) throw new WarehouseException("no file at " + file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        if (name.endsWith(".parquet")) return "read_parquet(" + path + ")";
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return "read_csv(" + path + ", header = true, sample_size = 100000)";
        }
        throw new WarehouseException(file + ": unsupported file type (allowed: .csv, .csv.gz, .tsv, .txt, .parquet)");
    }

    /** Column name and DuckDB type name, in file order, of what {@code reader} reads on DuckDB connection {@code duck}. */
    public static List<String[]> describe(Connection duck, String reader) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
            while (rs.next()) out.add(new String[]{rs.getString("column_name"), rs.getString("column_type")});
        }
        return out;
    }
}
