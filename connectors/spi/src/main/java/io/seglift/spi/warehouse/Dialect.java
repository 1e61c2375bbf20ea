package io.seglift.spi.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one SQL engine spells things. Every SQL generator in Seglift goes through a dialect, so adding an engine
 * (Snowflake, BigQuery) means adding an implementation, not changing callers. Defaults are ANSI SQL; engines override
 * what they spell differently. Expression arguments ({@code String expr}) are SQL text already built by the caller;
 * identifier arguments are validated and quoted here.
 */
public interface Dialect {

    /** Short engine name, e.g. {@code duckdb}. */
    String name();

    /**
     * How the engine folds identifiers written without quotes. Declared by every dialect: the conformance kit creates
     * a table with unquoted mixed-case names and reads it back through {@link #unquoted}, so a wrong declaration fails.
     */
    IdentifierCase identifierCase();

    /**
     * The quoted reference to a column or table that was created without quotes (by a user's own DDL or a loader),
     * given the name as the project file writes it: folded by {@link #identifierCase()}, then quoted.
     */
    default String unquoted(String name) {
        Identifiers.require(name, "identifier");
        return quote(identifierCase().fold(name));
    }

    /** Validates and quotes one identifier. */
    default String quote(String identifier) {
        Identifiers.require(identifier, "identifier");
        return '"' + identifier + '"';
    }

    /** A qualified, quoted table name. */
    default String table(TableName table) {
        return table.parts().stream().map(this::quote).collect(Collectors.joining("."));
    }

    /** A comma-separated list of quoted identifiers. */
    default String columns(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** A string literal with quotes escaped. */
    default String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    default String dateLiteral(LocalDate date) {
        return "DATE '" + date + "'";
    }

    default String timestampLiteral(Instant instant) {
        return "TIMESTAMP '" + instant.toString().replace('T', ' ').replace("Z", "") + "'";
    }

    /** The engine's type name for a portable column type. */
    String type(ColumnType type);

    default String castText(String expr) {
        return "CAST(" + expr + " AS " + type(ColumnType.TEXT) + ")";
    }

    /**
     * A text of every column of the row that {@code alias} names in a FROM clause, the same on every run for the same
     * values: ordering by it picks the same row each time. Default: the row cast to text, as DuckDB
     * (https://duckdb.org/docs/sql/data_types/struct) and PostgreSQL
     * (https://www.postgresql.org/docs/current/rowtypes.html#ROWTYPES-IO-SYNTAX) write a row value.
     */
    default String rowText(String alias) {
        return castText(Identifiers.require(alias, "row alias"));
    }

    default String castDouble(String expr) {
        return "CAST(" + expr + " AS " + type(ColumnType.DOUBLE) + ")";
    }

    default String castBigint(String expr) {
        return "CAST(" + expr + " AS " + type(ColumnType.BIGINT) + ")";
    }

    default String castDate(String expr) {
        return "CAST(" + expr + " AS DATE)";
    }

    default String castTimestamp(String expr) {
        return "CAST(" + expr + " AS " + type(ColumnType.TIMESTAMP) + ")";
    }

    /** {@code dateExpr} plus {@code daysExpr} days, as a date. */
    String addDays(String dateExpr, String daysExpr);

    /** Whole days from {@code fromExpr} to {@code toExpr} (positive when {@code to} is later). */
    String daysBetween(String fromExpr, String toExpr);

    /** Lower-case hex MD5 of a text expression. */
    default String md5Hex(String textExpr) {
        return "md5(" + textExpr + ")";
    }

    /** Lower-case hex SHA-256 of a text expression. */
    String sha256Hex(String textExpr);

    /** The integer value of a text expression holding exactly 8 hex digits. */
    String hex8ToBigint(String hexExpr);

    /**
     * The holdout bucket, 0..9999: the integer value of the first 8 hex digits of {@code md5(salt || ':' || key)}
     * modulo 10000. Identical in every dialect and in {@code io.seglift.scoring.holdout.HoldoutHash} in Java.
     */
    default String holdoutBucket(String saltExpr, String keyExpr) {
        String md5 = md5Hex(concat(saltExpr, literal(":"), castText(keyExpr)));
        return "(" + hex8ToBigint("substr(" + md5 + ", 1, 8)") + " % 10000)";
    }

    /** String concatenation of expressions. */
    default String concat(String... exprs) {
        return "(" + String.join(" || ", exprs) + ")";
    }

    /** Case-sensitive regular-expression match, as a boolean expression. */
    String regexMatches(String textExpr, String pattern);

    default String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    default String createSchemaIfNotExists(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    /**
     * Statements that atomically replace {@code table} with the result of {@code select}: readers see the old table or
     * the new one, never neither. Run them in one transaction.
     */
    List<String> replaceTableAs(TableName table, String select);

    /**
     * Statements that insert the rows of {@code select} (columns {@code keys} then {@code values}, in order) into
     * {@code table}, updating {@code values} of rows whose {@code keys} already exist. The table must have a primary key
     * or unique constraint on {@code keys}.
     */
    List<String> upsert(TableName table, List<String> keys, List<String> values, String select);

    /**
     * The table constraint declaring {@code columns} (plain names, written unquoted like the rest of Seglift's DDL)
     * the primary key, for the column list of a {@code CREATE TABLE}.
     */
    default String primaryKey(String... columns) {
        for (String c : columns) {
            Identifiers.require(c, "primary key column");
        }
        return "PRIMARY KEY (" + String.join(", ", columns) + ")";
    }

    /**
     * Whether the engine enforces a declared primary key, keeping an index it maintains on every write. Snowflake and
     * BigQuery only record the declaration, so a migration that drops a key to save that index has nothing to do.
     */
    default boolean enforcesPrimaryKeys() {
        return true;
    }

    /**
     * Whether a {@code WITH} query that one statement references several times is computed once (DuckDB, PostgreSQL
     * 12+ and Snowflake keep its result). BigQuery computes a non-recursive one again at each reference, so a generator
     * that would read an expensive one several times writes a single-reference form there.
     */
    default boolean computesSharedWithOnce() {
        return true;
    }

    /** A {@code LIMIT n} clause (with leading space). */
    default String limit(long n) {
        return " LIMIT " + n;
    }

    /** The logistic function of a numeric expression, used by compiled models. */
    default String logistic(String expr) {
        return "(1.0 / (1.0 + EXP(-(" + expr + "))))";
    }

    /**
     * The longest statement the engine accepts, in UTF-8 bytes (no limit by default). Generators that can write very
     * large statements (compiled models) split their work so that no statement exceeds it.
     */
    default int maxStatementBytes() {
        return Integer.MAX_VALUE;
    }
}
