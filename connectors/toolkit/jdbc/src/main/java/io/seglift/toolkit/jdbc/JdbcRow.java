package io.seglift.toolkit.jdbc;

import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.WarehouseException;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A {@link Row} over the current position of a JDBC result set. */
final class JdbcRow implements Row {
    private final ResultSet rs;
    private final ResultSetMetaData meta;
    private final Map<String, Integer> index = new HashMap<>();
    /** Per column: read with {@code getDouble} (numeric JDBC type) or through {@code getObject}. */
    private final boolean[] primitive;

    JdbcRow(ResultSet rs) throws SQLException {
        this.rs = rs;
        this.meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            index.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        primitive = new boolean[meta.getColumnCount()];
        for (int i = 0; i < primitive.length; i++) {
            primitive[i] = numeric(meta.getColumnType(i + 1));
        }
    }

    private static boolean numeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> true;
            default -> false;
        };
    }

    @Override
    public int columnCount() {
        return index.size();
    }

    @Override
    public String columnName(int i) {
        try {
            return meta.getColumnLabel(i + 1);
        } catch (SQLException e) {
            throw new WarehouseException("reading column name", e);
        }
    }

    @Override
    public Object get(int i) {
        try {
            return rs.getObject(i + 1);
        } catch (SQLException e) {
            throw new WarehouseException("reading column " + i, e);
        }
    }

    @Override
    public double doubleOr(int i, double missing) {
        if (i < 0 || i >= primitive.length || !primitive[i]) {
            return Row.super.doubleOr(i, missing);
        }
        try {
            double v = rs.getDouble(i + 1);
            return rs.wasNull() ? missing : v;
        } catch (SQLException e) {
            throw new WarehouseException("reading column " + i, e);
        }
    }

    private int pos(String column) {
        Integer i = index.get(column.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new WarehouseException("no column '" + column + "' in result (has " + index.keySet() + ")");
        }
        return i;
    }

    @Override
    public Object get(String column) {
        return get(pos(column) - 1);
    }

    @Override
    public String string(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    @Override
    public Long longValue(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof Number n) return n.longValue();
        return Long.parseLong(v.toString());
    }

    @Override
    public Double doubleValue(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        return Double.parseDouble(v.toString());
    }

    @Override
    public Boolean bool(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof Boolean b) return b;
        return Boolean.parseBoolean(v.toString());
    }

    @Override
    public LocalDate date(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof LocalDate d) return d;
        if (v instanceof Date d) return d.toLocalDate();
        if (v instanceof Timestamp t) return t.toLocalDateTime().toLocalDate();
        if (v instanceof LocalDateTime t) return t.toLocalDate();
        return LocalDate.parse(v.toString().substring(0, 10));
    }

    @Override
    public Instant timestamp(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof Instant i) return i;
        if (v instanceof Timestamp t) return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        if (v instanceof LocalDateTime t) return t.toInstant(ZoneOffset.UTC);
        if (v instanceof OffsetDateTime t) return t.toInstant();
        if (v instanceof Date d) return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        return LocalDateTime.parse(v.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
