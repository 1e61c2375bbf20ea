package io.seglift.warehouse.postgres;

import io.seglift.toolkit.files.DataFiles;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.toolkit.jdbc.JdbcWarehouse;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL over its JDBC driver. Reads stream inside a transaction (PostgreSQL only honours the fetch size there);
 * bulk writes and file loads go through {@code COPY ... FROM STDIN} in bounded chunks.
 */
public final class PostgresWarehouse extends JdbcWarehouse {
    private static final int PROGRESS_EVERY = 10_000;

    private final PostgresDialect dialect;

    PostgresWarehouse(Connection connection, String schema) {
        this(connection, new PostgresDialect(), schema);
    }

    private PostgresWarehouse(Connection connection, PostgresDialect dialect, String schema) {
        super(connection, dialect, schema);
        this.dialect = dialect;
    }

    @Override
    protected boolean needsTransactionToStream() {
        return true;
    }

    @Override
    protected String defaultSchema() {
        return "public";
    }

    @Override
    public synchronized BulkWriter bulkWriter(TableName table, List<String> columns) {
        List<String> names = actualNames(table, columns);
        String sql = "COPY " + dialect.table(table) + " (" + dialect.columns(names) + ") FROM STDIN WITH (FORMAT csv)";
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            return new PostgresBulkWriter(new CsvCopyWriter(copy), table, names.size(), () -> { });
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The table's own spelling of each requested column (matched case-insensitively); unknown columns are refused. */
    private List<String> actualNames(TableName table, List<String> columns) {
        List<Column> tableColumns = columns(table);
        if (tableColumns.isEmpty()) throw new WarehouseException("cannot append to " + table + ": no such table");
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            Optional<String> exact = tableColumns.stream().map(Column::name).filter(c::equals).findFirst();
            Optional<String> loose = tableColumns.stream().map(Column::name).filter(c::equalsIgnoreCase).findFirst();
            out.add(exact.or(() -> loose).orElseThrow(() -> new WarehouseException("table " + table
                    + " has no column '" + c + "' (it has " + tableColumns.stream().map(Column::name).toList() + ")")));
        }
        return out;
    }

    /** A failing check must not abort an enclosing transaction, so it runs behind a savepoint there. */
    @Override
    public synchronized Optional<String> checkQuery(String sql) {
        try {
            if (connection.getAutoCommit()) return super.checkQuery(sql);
            Savepoint sp = connection.setSavepoint();
            Optional<String> result = super.checkQuery(sql);
            connection.rollback(sp);
            return result;
        } catch (SQLException e) {
            throw new WarehouseException("checking a query: " + e.getMessage(), e);
        }
    }

    /**
     * One statement by the driver's own parser (the server also refuses several commands in one prepared statement),
     * run in a {@code READ ONLY} transaction that is always rolled back. A read-only transaction still lets a
     * superuser read server files ({@code pg_read_file}, {@code COPY ... TO} a file), so user SQL is refused on a
     * connection whose user is a superuser or holds {@code pg_read_server_files}, {@code pg_write_server_files} or
     * {@code pg_execute_server_program}.
     */
    @Override
    public synchronized void queryReadOnly(String sql, RowHandler handler) {
        try {
            if (!connection.getAutoCommit()) {
                throw new WarehouseException("user SQL cannot run inside another transaction");
            }
            requireNoFileRights();
            requireSingleStatement(sql);
            connection.setAutoCommit(false);
            try {
                try (Statement st = connection.createStatement()) {
                    st.execute("SET TRANSACTION READ ONLY");
                }
                stream(connection, sql, List.of(), handler);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("25006".equals(e.getSQLState()) || "42501".equals(e.getSQLState())
                    || "0A000".equals(e.getSQLState())) {
                throw new ReadOnlyViolationException("refused by PostgreSQL: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
            throw failure(sql, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WarehouseException("while reading rows: " + e.getMessage(), e);
        }
    }

    private void requireNoFileRights() throws SQLException {
        String check = "SELECT r.rolsuper OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER') "
                + "OR pg_has_role(current_user, 'pg_write_server_files', 'MEMBER') "
                + "OR pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER') "
                + "FROM pg_roles r WHERE r.rolname = current_user";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(check)) {
            if (rs.next() && rs.getBoolean(1)) {
                throw new ReadOnlyViolationException("refused: the warehouse user is a PostgreSQL superuser or may "
                        + "read server files, so user SQL could reach the server's file system; connect "
                        + "(warehouse.user) as a user without SUPERUSER, pg_read_server_files, pg_write_server_files "
                        + "and pg_execute_server_program");
            }
        }
    }

    private static void requireSingleStatement(String sql) throws SQLException {
        int statements = 0;
        for (var q : org.postgresql.core.Parser.parseJdbcSql(sql, true, false, true, false, true)) {
            if (!q.nativeSql.isBlank()) statements++;
        }
        if (statements != 1) {
            throw new ReadOnlyViolationException("exactly one statement is allowed (the PostgreSQL driver found "
                    + statements + ")");
        }
    }

    @Override
    public long loadFile(Path file, TableName table, Progress progress) {
        String reader = DataFiles.readerExpression(file);
        progress.start("loading " + file.getFileName() + " into " + table, -1);
        table.schema().ifPresent(s -> execute(dialect.createSchemaIfNotExists(s)));
        java.util.Properties streaming = new java.util.Properties();
        streaming.setProperty("jdbc_stream_results", "true");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:", streaming)) {
            List<String[]> columns = DataFiles.describe(duck, reader);
            long rows = transaction(w -> copyFile(duck, reader, columns, table, progress));
            progress.finish(String.format(Locale.ROOT, "%,d rows loaded into %s", rows, table));
            return rows;
        } catch (SQLException e) {
            throw new WarehouseException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the table under a staging name, streams the file into it by COPY, then swaps it in. */
    private long copyFile(Connection duck, String reader, List<String[]> columns, TableName table, Progress progress) {
        TableName staging = dialect.staging(table);
        List<String> defs = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (String[] c : columns) {
            String q = dialect.quoteFileColumn(c[0]);
            quoted.add(q);
            defs.add(q + " " + FileColumns.postgresType(c[1]));
            select.add("CAST(" + q + " AS VARCHAR)");
        }
        execute("DROP TABLE IF EXISTS " + dialect.table(staging));
        execute("CREATE TABLE " + dialect.table(staging) + " (" + String.join(", ", defs) + ")");
        String copySql = "COPY " + dialect.table(staging) + " (" + String.join(", ", quoted)
                + ") FROM STDIN WITH (FORMAT csv)";
        CsvCopyWriter out = null;
        try (Statement st = duck.createStatement()) {
            out = new CsvCopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
            st.setFetchSize(FETCH_SIZE);
            long n = 0;
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM " + reader)) {
                Object[] values = new Object[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) values[i] = rs.getString(i + 1);
                    out.row(values);
                    if (++n % PROGRESS_EVERY == 0) progress.advance(PROGRESS_EVERY);
                }
            }
            long stored = out.finish();
            progress.advance(n % PROGRESS_EVERY);
            execute("DROP TABLE IF EXISTS " + dialect.table(table));
            execute("ALTER TABLE " + dialect.table(staging) + " RENAME TO " + dialect.quote(table.table()));
            return stored;
        } catch (SQLException e) {
            if (out != null) out.cancel();
            throw new WarehouseException("loading into " + table + " failed, the table is unchanged: "
                    + e.getMessage(), e);
        }
    }
}
