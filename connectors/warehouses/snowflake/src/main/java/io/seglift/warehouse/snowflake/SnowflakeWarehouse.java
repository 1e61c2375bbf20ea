package io.seglift.warehouse.snowflake;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.toolkit.jdbc.JdbcWarehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Snowflake over {@code snowflake-jdbc}. Statements over Snowflake's 1 MB text limit are refused before they are sent;
 * bulk writes bind rows in batches ({@link SnowflakeBulkWriter}); reads stream through the driver's result chunks.
 */
public final class SnowflakeWarehouse extends JdbcWarehouse {
    private final SnowflakeDialect dialect;

    SnowflakeWarehouse(Connection connection, String schema) {
        this(connection, new SnowflakeDialect(), schema);
    }

    private SnowflakeWarehouse(Connection connection, SnowflakeDialect dialect, String schema) {
        super(connection, dialect, schema);
        this.dialect = dialect;
    }

    @Override
    public long execute(String sql, Object... params) {
        SnowflakeDialect.requireFits(sql);
        return super.execute(sql, params);
    }

    @Override
    public void query(String sql, List<?> params, RowHandler handler) {
        SnowflakeDialect.requireFits(sql);
        super.query(sql, params, handler);
    }

    /** The session's current schema (from the connection's {@code schema} property), else {@code PUBLIC}. */
    @Override
    protected synchronized String defaultSchema() {
        try {
            String s = connection.getSchema();
            return s == null || s.isBlank() ? "PUBLIC" : s;
        } catch (SQLException e) {
            return "PUBLIC";
        }
    }

    /** Looks the table up under its stored (upper-case) names, the names {@link SnowflakeDialect#quote} refers to. */
    @Override
    public synchronized List<Column> columns(TableName table) {
        String schemaName = table.schema().map(s -> s.toUpperCase(Locale.ROOT)).orElseGet(this::defaultSchema);
        String tableName = table.table().toUpperCase(Locale.ROOT);
        List<Column> cols = new ArrayList<>();
        try {
            DatabaseMetaData md = connection.getMetaData();
            try (ResultSet rs = md.getColumns(table.catalog().map(c -> c.toUpperCase(Locale.ROOT)).orElse(null),
                    escape(md, schemaName), escape(md, tableName), null)) {
                while (rs.next()) cols.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME")));
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading columns of " + table + ": " + e.getMessage(), e);
        }
        return cols;
    }

    /** {@code _} is a pattern character in metadata calls, and plain names are full of it. */
    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        return esc == null || esc.isEmpty() ? name : name.replace(esc, esc + esc).replace("_", esc + "_")
                .replace("%", esc + "%");
    }

    @Override
    public synchronized BulkWriter bulkWriter(TableName table, List<String> columns) {
        String sql = "INSERT INTO " + dialect.table(table) + " (" + dialect.columns(columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try {
            PreparedStatement ps = connection.prepareStatement(sql);
            return new SnowflakeBulkWriter(ps, table, columns.size(), (p, values) -> bind(p, Arrays.asList(values)));
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * One {@code SELECT} by a real SQL parser before anything is sent (several statements, DML, DDL, session commands
     * and {@code SYSTEM$} functions are refused here); the driver sends it with {@code MULTI_STATEMENT_COUNT=1}, so the
     * server refuses a second statement too. A project that runs user SQL should also connect with a role that has
     * only read grants: that is the guard Snowflake itself enforces.
     */
    @Override
    public synchronized void queryReadOnly(String sql, RowHandler handler) {
        Optional<String> refusal = UserSqlGuard.refusal(sql);
        if (refusal.isPresent()) throw new ReadOnlyViolationException(refusal.get());
        SnowflakeDialect.requireFits(sql);
        try {
            stream(connection, sql, List.of(), handler);
        } catch (SQLException e) {
            throw failure(sql, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WarehouseException("while reading rows: " + e.getMessage(), e);
        }
    }

    /** Snowflake puts the reason on the second line of its message ("SQL compilation error:\nObject ... does not exist"). */
    @Override
    public synchronized Optional<String> checkQuery(String sql) {
        String probe = "SELECT * FROM (" + sql + ") q WHERE 1 = 0";
        SnowflakeDialect.requireFits(probe);
        try (PreparedStatement ps = connection.prepareStatement(probe)) {
            ps.executeQuery().close();
            return Optional.empty();
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            return Optional.of(String.join(" ", m.lines().limit(2).map(String::strip).toList()));
        }
    }

    @Override
    public long loadFile(Path file, TableName table, Progress progress) {
        return new SnowflakeFileLoader(this, dialect).load(file, table, progress);
    }
}
