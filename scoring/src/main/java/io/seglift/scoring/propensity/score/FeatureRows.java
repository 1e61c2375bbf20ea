package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The feature rows of one JVM scoring run, computed once into a work table in Seglift's schema and numbered
 * ({@value #ROW}, 0-based): the JVM reads the number and the features, never the text key, and the scores it writes
 * back join to their keys by number. Dropped by {@link #close}.
 */
final class FeatureRows implements AutoCloseable {
    static final String ROW = "score_row";
    private final Warehouse w;
    private final Dialect d;
    private final TableName table;
    private final List<String> names;
    private final long rows;

    private FeatureRows(Warehouse w, TableName table, List<String> names, long rows) {
        this.w = w;
        this.d = w.dialect();
        this.table = table;
        this.names = List.copyOf(names);
        this.rows = rows;
    }

    /** Runs the feature query of {@code features} into a new work table. */
    static FeatureRows compute(Warehouse w, FeatureSet features) {
        Dialect d = w.dialect();
        TableName table = w.own("model_score_rows_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        long n = w.execute("CREATE TABLE " + d.table(table) + " AS SELECT CAST(ROW_NUMBER() OVER () - 1 AS "
                + d.type(ColumnType.BIGINT) + ") AS " + ROW + ", f.* FROM ("
                + features.select(d) + ") f");
        if (n <= 0) {
            n = w.queryLong("SELECT COUNT(*) FROM " + d.table(table));
        }
        return new FeatureRows(w, table, features.names(), n);
    }

    long rows() {
        return rows;
    }

    int cols() {
        return names.size();
    }

    /** The row number then the features in model order; {@code customer_key} is left out. */
    String select() {
        StringBuilder sql = new StringBuilder("SELECT " + ROW);
        names.forEach(n -> sql.append(", ").append(d.quote(n)));
        return sql.append(" FROM ").append(d.table(table)).toString();
    }

    /** {@code customer_key} and {@code score} of the rows of {@code scores} (a table of row numbers and scores). */
    String keyed(TableName scores) {
        return "SELECT f.customer_key, s.score FROM " + d.table(scores) + " s JOIN " + d.table(table) + " f ON f."
                + ROW + " = s." + ROW;
    }

    @Override
    public void close() {
        w.execute("DROP TABLE IF EXISTS " + d.table(table));
    }
}
