package io.seglift.toolkit.jdbc;

import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.RowMapper;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link Warehouse} over one JDBC connection. Access is serialized on the connection; transactions nest by joining
 * the outer one. Engines supply the dialect, the bulk writer and file loading.
 */
public abstract class JdbcWarehouse implements Warehouse {
    /** Rows fetched per round trip when streaming. */
    protected static final int FETCH_SIZE = 10_000;

    protected final Connection connection;
    private final Dialect dialect;
    private final String schema;
    private int transactionDepth;

    protected JdbcWarehouse(Connection connection, Dialect dialect, String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String schema() {
        return schema;
    }

    /** The underlying connection, for engine-specific fast paths in the same package family. */
    public Connection connection() {
        return connection;
    }

    @Override
    public synchronized long execute(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(params));
            boolean rs = ps.execute();
            return rs ? 0 : Math.max(0, ps.getLargeUpdateCount());
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public synchronized void query(String sql, List<?> params, RowHandler handler) {
        boolean wrap = needsTransactionToStream() && transactionDepth == 0;
        try {
            if (wrap) connection.setAutoCommit(false);
            try {
                stream(connection, sql, params, handler);
            } finally {
                if (wrap) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WarehouseException("while reading rows: " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} on {@code on} and hands each row to {@code handler}, fetching {@link #FETCH_SIZE} at a time. */
    protected static void stream(Connection on, String sql, List<?> params, RowHandler handler) throws Exception {
        try (PreparedStatement ps = on.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                JdbcRow row = new JdbcRow(rs);
                while (rs.next()) {
                    handler.accept(row);
                }
            }
        }
    }

    /** PostgreSQL streams only inside a transaction; engines that do say so. */
    protected boolean needsTransactionToStream() {
        return false;
    }

    @Override
    public <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        query(sql, params, r -> out.add(mapper.map(r)));
        return out;
    }

    @Override
    public synchronized <T> T transaction(Function<Warehouse, T> work) {
        try {
            if (transactionDepth == 0) connection.setAutoCommit(false);
            transactionDepth++;
            T result;
            try {
                result = work.apply(this);
            } catch (RuntimeException | Error e) {
                transactionDepth--;
                if (transactionDepth == 0) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                throw e;
            }
            transactionDepth--;
            if (transactionDepth == 0) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            return result;
        } catch (SQLException e) {
            throw new WarehouseException("transaction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean tableExists(TableName table) {
        return !columns(table).isEmpty();
    }

    @Override
    public synchronized List<Column> columns(TableName table) {
        List<Column> cols = new ArrayList<>();
        try {
            DatabaseMetaData md = connection.getMetaData();
            String schemaName = table.schema().orElse(defaultSchema());
            for (String[] variant : List.of(new String[]{schemaName, table.table()},
                    new String[]{schemaName.toLowerCase(java.util.Locale.ROOT), table.table().toLowerCase(java.util.Locale.ROOT)})) {
                try (ResultSet rs = md.getColumns(table.catalog().orElse(null), variant[0], variant[1], null)) {
                    while (rs.next()) {
                        cols.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME")));
                    }
                }
                if (!cols.isEmpty()) break;
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading columns of " + table + ": " + e.getMessage(), e);
        }
        return cols;
    }

    /** The schema unqualified names resolve to ({@code main} in DuckDB, {@code public} in PostgreSQL). */
    protected abstract String defaultSchema();

    @Override
    public synchronized Optional<String> checkQuery(String sql) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM (" + sql + ") q WHERE 1 = 0")) {
            ps.executeQuery().close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("closing the warehouse connection", e);
        }
    }

    protected static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) {
                ps.setObject(i + 1, java.sql.Date.valueOf(d));
            } else if (p instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.valueOf(t.atOffset(ZoneOffset.UTC).toLocalDateTime()));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Wraps a failure with the first line of the statement (statements never embed customer data). */
    protected static WarehouseException failure(String sql, SQLException e) {
        String head = sql.strip().lines().findFirst().orElse("");
        if (head.length() > 160) head = head.substring(0, 160) + "...";
        return new WarehouseException(e.getMessage() + " [in: " + head + "]", e);
    }
}
