package io.seglift.warehouse.bigquery;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.IdentifierCase;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.TableName;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * BigQuery's GoogleSQL spelling (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical): identifiers
 * in backticks (so reserved words such as {@code HASH} are safe as names), string literals with backslash escapes,
 * {@code MERGE} upserts, {@code CREATE OR REPLACE TABLE} for atomic replace, {@code DATE_ADD}/{@code DATE_DIFF}, and
 * {@code TO_HEX(MD5(...))} for the holdout bucket.
 */
public final class BigQueryDialect implements Dialect {
    /**
     * BigQuery's maximum query length, 1,024k characters for GoogleSQL
     * (https://cloud.google.com/bigquery/quotas#query_jobs); Seglift's SQL is ASCII, so bytes count characters.
     */
    public static final int MAX_QUERY_CHARACTERS = 1_024_000;

    @Override
    public int maxStatementBytes() {
        return MAX_QUERY_CHARACTERS;
    }

    @Override
    public String name() {
        return "bigquery";
    }

    /**
     * BigQuery keeps the spelling of unquoted names; column names match case-insensitively, while dataset and table
     * names are case-sensitive, so Seglift always writes its own tables in the spelling it created them with.
     */
    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.PRESERVE;
    }

    @Override
    public String quote(String identifier) {
        Identifiers.require(identifier, "identifier");
        return '`' + identifier + '`';
    }

    @Override
    public String table(TableName table) {
        return table.parts().stream().map(this::quote).collect(Collectors.joining("."));
    }

    /** GoogleSQL does not treat {@code ''} as an escaped quote: backslash escapes are the only form. */
    @Override
    public String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "TIMESTAMP '" + instant.toString().replace('T', ' ').replace("Z", "") + "+00'";
    }

    @Override
    public String type(ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> "STRING";
            case BIGINT, INTEGER -> "INT64";
            case DOUBLE -> "FLOAT64";
            case BOOLEAN -> "BOOL";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /**
     * A table alias is a STRUCT value in GoogleSQL, and {@code TO_JSON_STRING} writes a STRUCT's fields in column
     * order (https://cloud.google.com/bigquery/docs/reference/standard-sql/json_functions#to_json_string), so the text
     * is the same on every run. BigQuery cannot cast a STRUCT to STRING.
     */
    @Override
    public String rowText(String alias) {
        return "TO_JSON_STRING(" + Identifiers.require(alias, "row alias") + ")";
    }

    /**
     * BigQuery enforces no keys and accepts a primary key only declared {@code NOT ENFORCED}
     * (https://cloud.google.com/bigquery/docs/primary-foreign-keys); every writer keeps keys unique itself
     * (MERGE on the key, or a replace of the whole table).
     */
    @Override
    public String primaryKey(String... columns) {
        return Dialect.super.primaryKey(columns) + " NOT ENFORCED";
    }

    /**
     * "BigQuery only materializes the results of recursive CTEs": a non-recursive one runs at each reference
     * (https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax#with_clause).
     */
    @Override
    public boolean computesSharedWithOnce() {
        return false;
    }

    /** Keys are declarations only (https://cloud.google.com/bigquery/docs/primary-foreign-keys). */
    @Override
    public boolean enforcesPrimaryKeys() {
        return false;
    }

    @Override
    public String addDays(String dateExpr, String daysExpr) {
        return "DATE_ADD(CAST(" + dateExpr + " AS DATE), INTERVAL CAST(" + daysExpr + " AS INT64) DAY)";
    }

    @Override
    public String daysBetween(String fromExpr, String toExpr) {
        return "DATE_DIFF(CAST(" + toExpr + " AS DATE), CAST(" + fromExpr + " AS DATE), DAY)";
    }

    @Override
    public String md5Hex(String textExpr) {
        return "TO_HEX(MD5(" + textExpr + "))";
    }

    @Override
    public String sha256Hex(String textExpr) {
        return "TO_HEX(SHA256(" + textExpr + "))";
    }

    /** GoogleSQL casts a {@code 0x}-prefixed string to INT64 as hexadecimal; 8 digits always fit. */
    @Override
    public String hex8ToBigint(String hexExpr) {
        return "CAST(CONCAT('0x', " + hexExpr + ") AS INT64)";
    }

    /** {@code %} is not a GoogleSQL operator: {@code MOD} is. */
    @Override
    public String holdoutBucket(String saltExpr, String keyExpr) {
        String md5 = md5Hex(concat(saltExpr, literal(":"), castText(keyExpr)));
        return "MOD(" + hex8ToBigint("SUBSTR(" + md5 + ", 1, 8)") + ", 10000)";
    }

    @Override
    public String concat(String... exprs) {
        return "CONCAT(" + String.join(", ", exprs) + ")";
    }

    @Override
    public String regexMatches(String textExpr, String pattern) {
        return "REGEXP_CONTAINS(" + textExpr + ", " + literal("^(?:" + pattern + ")$") + ")";
    }

    @Override
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP()";
    }

    /** Clamped so that {@code EXP} cannot overflow, which BigQuery reports as an error. */
    @Override
    public String logistic(String expr) {
        return "(1.0 / (1.0 + EXP(-LEAST(GREATEST(CAST(" + expr + " AS FLOAT64), -700), 700))))";
    }

    /** One statement: BigQuery swaps the table atomically, and a failing query leaves the old table in place. */
    @Override
    public List<String> replaceTableAs(TableName table, String select) {
        return List.of("CREATE OR REPLACE TABLE " + table(table) + " AS " + select);
    }

    /**
     * One {@code MERGE}. The source's columns are named by position, as the contract says: GoogleSQL has no column
     * list for a subquery, so an empty first branch of a {@code UNION ALL} ({@code SELECT NULL AS k, ... LIMIT 0})
     * gives the names, and the select's own column names (or none, as in {@code SELECT CAST(? AS STRING), ...}) do
     * not matter (https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax#set_operators: a set
     * operation takes its column names from the first query). BigQuery's DML rule: a MERGE fails when more than one
     * source row matches the same target row, so {@code select} must yield each key at most once (BigQuery enforces
     * no key constraints).
     */
    @Override
    public List<String> upsert(TableName table, List<String> keys, List<String> values, String select) {
        String on = keys.stream().map(k -> "t." + quote(k) + " = s." + quote(k)).collect(Collectors.joining(" AND "));
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(values);
        String names = all.stream().map(c -> "NULL AS " + quote(c)).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("MERGE ").append(table(table)).append(" AS t USING ((SELECT ")
                .append(names).append(" LIMIT 0) UNION ALL (").append(select).append(")) AS s ON ").append(on);
        if (!values.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(values.stream()
                    .map(v -> quote(v) + " = s." + quote(v)).collect(Collectors.joining(", ")));
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(columns(all)).append(") VALUES (")
                .append(all.stream().map(c -> "s." + quote(c)).collect(Collectors.joining(", "))).append(")");
        return List.of(sql.toString());
    }
}
