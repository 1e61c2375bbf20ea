package io.seglift.warehouse.duckdb;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.IdentifierCase;
import io.seglift.toolkit.jdbc.OnConflictUpsert;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** DuckDB's spelling of SQL. */
public final class DuckDbDialect implements Dialect {

    @Override
    public String name() {
        return "duckdb";
    }

    /** DuckDB keeps the spelling of unquoted names and matches every name, quoted or not, case-insensitively. */
    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.PRESERVE;
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
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    @Override
    public String addDays(String dateExpr, String daysExpr) {
        return "CAST(CAST(" + dateExpr + " AS DATE) + CAST(" + daysExpr + " AS INTEGER) AS DATE)";
    }

    @Override
    public String daysBetween(String fromExpr, String toExpr) {
        return "date_diff('day', CAST(" + fromExpr + " AS DATE), CAST(" + toExpr + " AS DATE))";
    }

    @Override
    public String sha256Hex(String textExpr) {
        return "sha256(" + textExpr + ")";
    }

    @Override
    public String hex8ToBigint(String hexExpr) {
        return "CAST(('0x' || " + hexExpr + ") AS BIGINT)";
    }

    @Override
    public String regexMatches(String textExpr, String pattern) {
        return "regexp_full_match(" + textExpr + ", " + literal(pattern) + ")";
    }

    @Override
    public List<String> replaceTableAs(TableName table, String select) {
        return List.of("CREATE OR REPLACE TABLE " + table(table) + " AS " + select);
    }

    @Override
    public List<String> upsert(TableName table, List<String> keys, List<String> values, String select) {
        return OnConflictUpsert.statements(this, table, keys, values, select);
    }
}
