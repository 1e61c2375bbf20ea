package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.WarehouseException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/** One row of a BigQuery result, decoded by the schema's types; column names match case-insensitively. */
final class BigQueryRow implements Row {
    private final FieldList fields;
    private final Map<String, Integer> index;
    private FieldValueList values;

    BigQueryRow(FieldList fields, Map<String, Integer> index) {
        this.fields = fields;
        this.index = index;
    }

    static Map<String, Integer> indexOf(FieldList fields) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.putIfAbsent(fields.get(i).getName().toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    BigQueryRow at(FieldValueList values) {
        this.values = values;
        return this;
    }

    @Override
    public int columnCount() {
        return fields.size();
    }

    @Override
    public String columnName(int i) {
        return fields.get(i).getName();
    }

    @Override
    public Object get(int i) {
        FieldValue v = values.get(i);
        if (v.isNull()) {
            return null;
        }
        Field f = fields.get(i);
        if (f.getMode() == Field.Mode.REPEATED || v.getAttribute() != FieldValue.Attribute.PRIMITIVE) {
            return v.getValue();
        }
        StandardSQLTypeName t = f.getType().getStandardType();
        return switch (t) {
            case INT64 -> v.getLongValue();
            case FLOAT64 -> v.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> v.getNumericValue();
            case BOOL -> v.getBooleanValue();
            case DATE -> LocalDate.parse(v.getStringValue());
            case TIMESTAMP -> v.getTimestampInstant();
            case DATETIME -> LocalDateTime.parse(v.getStringValue());
            case BYTES -> v.getBytesValue();
            default -> v.getStringValue();
        };
    }

    @Override
    public Object get(String column) {
        return get(position(column));
    }

    private int position(String column) {
        Integer i = index.get(column.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new WarehouseException("no column '" + column + "' in the result (columns: "
                    + fields.stream().map(Field::getName).toList() + ")");
        }
        return i;
    }

    @Override
    public String string(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    @Override
    public Long longValue(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
    }

    @Override
    public Double doubleValue(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
    }

    @Override
    public Boolean bool(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    @Override
    public LocalDate date(String column) {
        Object v = get(column);
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof Instant i) {
            return i.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return LocalDate.parse(v.toString());
    }

    @Override
    public Instant timestamp(String column) {
        Object v = get(column);
        if (v == null || v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(v.toString());
    }
}
