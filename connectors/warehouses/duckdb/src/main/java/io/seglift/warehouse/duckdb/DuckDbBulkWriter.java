package io.seglift.warehouse.duckdb;

import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.WarehouseException;
import org.duckdb.DuckDBAppender;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Appends through DuckDB's appender; columns the writer was not given receive their default. */
final class DuckDbBulkWriter implements BulkWriter {
    private final DuckDBAppender appender;
    private final int[] sourceIndex;
    private final TableName table;
    private long count;

    DuckDbBulkWriter(DuckDBAppender appender, List<Column> tableColumns, List<String> columns, TableName table) {
        this.appender = appender;
        this.table = table;
        this.sourceIndex = new int[tableColumns.size()];
        List<String> wanted = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < tableColumns.size(); i++) {
            sourceIndex[i] = wanted.indexOf(tableColumns.get(i).name().toLowerCase(Locale.ROOT));
        }
        for (String c : wanted) {
            if (tableColumns.stream().noneMatch(t -> t.name().equalsIgnoreCase(c))) {
                throw new WarehouseException("table " + table + " has no column '" + c + "'");
            }
        }
    }

    @Override
    public void row(Object... values) {
        try {
            appender.beginRow();
            for (int idx : sourceIndex) {
                if (idx < 0) {
                    appender.appendDefault();
                } else {
                    append(values[idx]);
                }
            }
            appender.endRow();
            count++;
        } catch (SQLException e) {
            throw new WarehouseException("appending row " + (count + 1) + " to " + table + ": " + e.getMessage(), e);
        }
    }

    private void append(Object v) throws SQLException {
        if (v == null) appender.appendNull();
        else if (v instanceof String s) appender.append(s);
        else if (v instanceof Long l) appender.append(l.longValue());
        else if (v instanceof Integer i) appender.append(i.intValue());
        else if (v instanceof Double d) appender.append(d.doubleValue());
        else if (v instanceof Float f) appender.append(f.floatValue());
        else if (v instanceof Boolean b) appender.append(b.booleanValue());
        else if (v instanceof LocalDate d) appender.append(d);
        else if (v instanceof LocalDateTime t) appender.append(t);
        else if (v instanceof Instant t) appender.append(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        else if (v instanceof BigDecimal b) appender.append(b.doubleValue());
        else if (v instanceof Number n) appender.append(n.doubleValue());
        else appender.append(v.toString());
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw new WarehouseException("flushing rows to " + table + ": " + e.getMessage(), e);
        }
    }
}
