package io.seglift.warehouse.snowflake;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.IdentifierCase;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.TableName;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Snowflake's spelling of SQL.
 *
 * <p>Identifier policy: Snowflake stores unquoted names in upper case. Every identifier Seglift writes is a plain name
 * ({@link Identifiers}) and is emitted quoted in its upper-case form ({@code customer_id} becomes
 * {@code "CUSTOMER_ID"}): the quotes protect reserved words, and the upper case makes the reference mean exactly what
 * the unquoted name means. So Seglift's own tables and columns are stored as if created without quotes, user SQL in
 * segment rules can name them in any case without quotes, and a project file's lower-case column names find the
 * columns of tables a user created without quotes. A column a user created quoted in lower or mixed case
 * ({@code "customer_id"}) is not reachable this way; expose it through a view with an unquoted alias.
 */
public final class SnowflakeDialect implements Dialect {
    /**
     * Snowflake's documented limit on the text of one statement, bound values and a whole JDBC batch included
     * (https://docs.snowflake.com/en/user-guide/query-size-limits).
     */
    public static final int MAX_STATEMENT_BYTES = 1_000_000;

    @Override
    public String name() {
        return "snowflake";
    }

    @Override
    public int maxStatementBytes() {
        return MAX_STATEMENT_BYTES;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.UPPER;
    }

    /** The upper-case stored form of a plain name, quoted (see the class comment for why). */
    @Override
    public String quote(String identifier) {
        Identifiers.require(identifier, "identifier");
        return '"' + identifier.toUpperCase(Locale.ROOT) + '"';
    }

    /**
     * Snowflake string literals treat backslash as an escape character, so backslashes are doubled as well as quotes:
     * a regular expression such as {@code \d+} reaches the engine unchanged.
     */
    @Override
    public String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String type(ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> "VARCHAR";
            case BIGINT -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP_NTZ";
        };
    }

    /**
     * Snowflake cannot cast a row to text. The row's values go into an ARRAY in column order
     * (https://docs.snowflake.com/en/sql-reference/functions/array_construct), and the array is written as JSON
     * (https://docs.snowflake.com/en/sql-reference/functions/to_json). An ARRAY rather than
     * {@code OBJECT_CONSTRUCT_KEEP_NULL(*)}: TO_JSON documents the order of an OBJECT's keys as not predictable, while
     * an array keeps its order, so the text is the same on every run.
     */
    @Override
    public String rowText(String alias) {
        return "TO_JSON(ARRAY_CONSTRUCT(" + Identifiers.require(alias, "row alias") + ".*))";
    }

    /** Keys are declarations only (https://docs.snowflake.com/en/sql-reference/constraints-overview). */
    @Override
    public boolean enforcesPrimaryKeys() {
        return false;
    }

    @Override
    public String addDays(String dateExpr, String daysExpr) {
        return "DATEADD(day, CAST(" + daysExpr + " AS INTEGER), CAST(" + dateExpr + " AS DATE))";
    }

    /** {@code DATEDIFF(day, ...)} counts day boundaries; both sides are cast to DATE first, as in the other engines. */
    @Override
    public String daysBetween(String fromExpr, String toExpr) {
        return "DATEDIFF(day, CAST(" + fromExpr + " AS DATE), CAST(" + toExpr + " AS DATE))";
    }

    @Override
    public String md5Hex(String textExpr) {
        return "MD5(" + textExpr + ")";
    }

    @Override
    public String sha256Hex(String textExpr) {
        return "SHA2(" + textExpr + ", 256)";
    }

    /** {@code TO_NUMBER} with the hexadecimal format model; upper-cased because MD5 returns lower-case digits. */
    @Override
    public String hex8ToBigint(String hexExpr) {
        return "TO_NUMBER(UPPER(" + hexExpr + "), 'XXXXXXXX')";
    }

    /** {@code REGEXP_LIKE} matches the whole string, like the other dialects' anchored match. */
    @Override
    public String regexMatches(String textExpr, String pattern) {
        return "REGEXP_LIKE(" + textExpr + ", " + literal(pattern) + ")";
    }

    /** Clamped so that {@code EXP} cannot overflow a DOUBLE. */
    @Override
    public String logistic(String expr) {
        return "(1.0 / (1.0 + EXP(-LEAST(GREATEST(CAST(" + expr + " AS DOUBLE), -700), 700))))";
    }

    /** One statement: {@code CREATE OR REPLACE TABLE} swaps the table atomically, and a failing one leaves the old. */
    @Override
    public List<String> replaceTableAs(TableName table, String select) {
        return List.of("CREATE OR REPLACE TABLE " + table(table) + " AS " + select);
    }

    /**
     * A work table that lives for the session and keeps no Time Travel or Fail-safe copies (cheaper than a permanent
     * table for data rebuilt each run).
     */
    public String createTransientTableAs(TableName table, String select) {
        return "CREATE OR REPLACE TRANSIENT TABLE " + table(table) + " AS " + select;
    }

    /**
     * {@code MERGE INTO}: rows of {@code select} whose keys match are updated, the others inserted. The source's
     * columns are renamed positionally (a CTE column list), so the select's own column names do not matter.
     */
    @Override
    public List<String> upsert(TableName table, List<String> keys, List<String> values, String select) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(values);
        String source = "WITH src (" + columns(all) + ") AS (" + select + ") SELECT * FROM src";
        String on = keys.stream().map(k -> "t." + quote(k) + " = s." + quote(k)).collect(Collectors.joining(" AND "));
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(table(table)).append(" t USING (").append(source)
                .append(") s ON ").append(on);
        if (!values.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(values.stream()
                    .map(v -> "t." + quote(v) + " = s." + quote(v)).collect(Collectors.joining(", ")));
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(columns(all)).append(") VALUES (")
                .append(all.stream().map(c -> "s." + quote(c)).collect(Collectors.joining(", "))).append(")");
        return List.of(sql.toString());
    }

    /** Refuses a statement longer than {@link #MAX_STATEMENT_BYTES}, naming its size and the split to make instead. */
    public static void requireFits(String sql) {
        int bytes = sql.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_STATEMENT_BYTES) {
            throw new StatementTooLargeException(bytes, MAX_STATEMENT_BYTES);
        }
    }
}
