package io.seglift.warehouse.postgres;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.IdentifierCase;
import io.seglift.toolkit.jdbc.OnConflictUpsert;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.TableName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** PostgreSQL's spelling of SQL. */
public final class PostgresDialect implements Dialect {
    /** PostgreSQL silently truncates longer identifiers, so longer ones are refused. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String quote(String identifier) {
        Identifiers.require(identifier, "identifier");
        if (identifier.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new InvalidIdentifierException("identifier: '" + identifier + "' is longer than PostgreSQL's "
                    + MAX_IDENTIFIER_BYTES + "-byte limit");
        }
        return '"' + identifier + '"';
    }

    /**
     * Quotes a column name taken from a data file (not from the project file), which may hold spaces or punctuation:
     * embedded quotes are doubled. Refuses names PostgreSQL would truncate.
     */
    public String quoteFileColumn(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES
                || name.indexOf('\0') >= 0) {
            throw new InvalidIdentifierException("file column '" + name + "' cannot be a PostgreSQL column name "
                    + "(1 to " + MAX_IDENTIFIER_BYTES + " bytes, no NUL)");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL folds unquoted names to lower case; quoted names match exactly. */
    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.LOWER;
    }

    @Override
    public String type(ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> "TEXT";
            case BIGINT -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    @Override
    public String addDays(String dateExpr, String daysExpr) {
        return "(CAST(" + dateExpr + " AS DATE) + CAST(" + daysExpr + " AS INTEGER))";
    }

    @Override
    public String daysBetween(String fromExpr, String toExpr) {
        return "(CAST(" + toExpr + " AS DATE) - CAST(" + fromExpr + " AS DATE))";
    }

    @Override
    public String sha256Hex(String textExpr) {
        return "encode(sha256(convert_to(" + textExpr + ", 'UTF8')), 'hex')";
    }

    @Override
    public String hex8ToBigint(String hexExpr) {
        return "(('x' || lpad(" + hexExpr + ", 8, '0'))::bit(32)::bigint)";
    }

    @Override
    public String regexMatches(String textExpr, String pattern) {
        return "(" + textExpr + " ~ " + literal("^(?:" + pattern + ")$") + ")";
    }

    /** Clamped so that {@code exp} cannot overflow, which PostgreSQL reports as an error rather than infinity. */
    @Override
    public String logistic(String expr) {
        return "(1.0 / (1.0 + EXP(-LEAST(GREATEST(CAST(" + expr + " AS DOUBLE PRECISION), -700), 700))))";
    }

    /** Builds the new table under a temporary name, drops the old one and renames; run in one transaction. */
    @Override
    public List<String> replaceTableAs(TableName table, String select) {
        TableName staging = staging(table);
        return List.of(
                "DROP TABLE IF EXISTS " + table(staging),
                "CREATE TABLE " + table(staging) + " AS " + select,
                "DROP TABLE IF EXISTS " + table(table),
                "ALTER TABLE " + table(staging) + " RENAME TO " + quote(table.table()));
    }

    /** The temporary name a table is rebuilt under: same schema, within the identifier length limit. */
    public TableName staging(TableName table) {
        String name = table.table() + "__seglift_new";
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            name = table.table().substring(0, 40) + "__new_" + shortHash(table.table());
        }
        return new TableName(table.catalog(), table.schema(), name);
    }

    @Override
    public List<String> upsert(TableName table, List<String> keys, List<String> values, String select) {
        return OnConflictUpsert.statements(this, table, keys, values, select);
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
