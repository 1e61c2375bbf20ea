package io.seglift.warehouse.postgres;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps the types DuckDB infers for a file's columns to PostgreSQL types; anything unusual becomes TEXT. */
final class FileColumns {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private FileColumns() {
    }

    static String postgresType(String duckType) {
        String t = duckType.trim().toUpperCase(Locale.ROOT);
        Matcher dec = DECIMAL.matcher(t);
        if (dec.matches()) return "NUMERIC(" + dec.group(1) + ", " + dec.group(2) + ")";
        return switch (t) {
            case "BOOLEAN" -> "BOOLEAN";
            case "TINYINT", "SMALLINT", "UTINYINT" -> "SMALLINT";
            case "INTEGER", "USMALLINT" -> "INTEGER";
            case "BIGINT", "UINTEGER" -> "BIGINT";
            case "HUGEINT", "UBIGINT", "UHUGEINT" -> "NUMERIC(39, 0)";
            case "FLOAT" -> "REAL";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "DATE" -> "DATE";
            case "TIME" -> "TIME";
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> "TIMESTAMP";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMPTZ";
            case "UUID" -> "UUID";
            case "INTERVAL" -> "INTERVAL";
            default -> "TEXT";
        };
    }
}
