package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.seglift.spi.warehouse.WarehouseException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Binds Java values as typed BigQuery query parameters: positional for {@code ?} placeholders, or named
 * ({@code @name}) when the only parameter is a {@code Map<String, ?>}. A Java {@code null} binds as a NULL
 * {@code STRING}, which GoogleSQL coerces where the placeholder's type is known from context.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    static void bind(QueryJobConfiguration.Builder config, List<?> params) {
        if (params.size() == 1 && params.get(0) instanceof Map<?, ?> named) {
            for (Map.Entry<?, ?> e : named.entrySet()) {
                config.addNamedParameter(String.valueOf(e.getKey()), value(e.getValue()));
            }
            return;
        }
        for (Object p : params) {
            config.addPositionalParameter(value(p));
        }
    }

    static QueryParameterValue value(Object v) {
        if (v == null) {
            return QueryParameterValue.of(null, StandardSQLTypeName.STRING);
        }
        if (v instanceof QueryParameterValue q) {
            return q;
        }
        if (v instanceof String s) {
            return QueryParameterValue.string(s);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return QueryParameterValue.int64(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return QueryParameterValue.float64(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return QueryParameterValue.bigNumeric(d);
        }
        if (v instanceof Boolean b) {
            return QueryParameterValue.bool(b);
        }
        if (v instanceof LocalDate d) {
            return QueryParameterValue.date(d.toString());
        }
        if (v instanceof Instant i) {
            return QueryParameterValue.timestamp(i.toString().replace('T', ' ').replace("Z", "+00"));
        }
        if (v instanceof LocalDateTime t) {
            return QueryParameterValue.dateTime(t.toString().replace('T', ' '));
        }
        throw new WarehouseException("cannot bind a " + v.getClass().getSimpleName() + " as a BigQuery query "
                + "parameter (allowed: String, Long, Integer, Double, BigDecimal, Boolean, LocalDate, Instant, "
                + "LocalDateTime, null)");
    }
}
