package io.seglift.scoring.clv;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * Creates {@code clv_scores}: one row per (as_of, customer_key), history kept. Like {@code rfm_scores} it has no
 * primary-key index: the key holds by construction (one row per customer; an as-of date is replaced as a whole).
 */
public final class ClvScoresMigration implements Migration {
    /** The columns in table order. */
    public static final List<String> COLUMNS = List.of("as_of", "customer_key", "frequency", "recency_weeks",
            "age_weeks", "avg_repeat_value", "p_alive", "expected_purchases", "expected_aov", "clv");

    @Override
    public String id() {
        return "0131-scoring-clv-scores";
    }

    @Override
    public String description() {
        return "scoring: clv_scores per as_of and customer";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        return List.of("CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.CLV_SCORES)) + " ("
                + "as_of " + d.type(ColumnType.DATE) + " NOT NULL, "
                + "customer_key " + d.type(ColumnType.TEXT) + " NOT NULL, "
                + "frequency " + d.type(ColumnType.BIGINT) + " NOT NULL, "
                + "recency_weeks " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                + "age_weeks " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                + "avg_repeat_value " + d.type(ColumnType.DOUBLE) + ", "
                + "p_alive " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                + "expected_purchases " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                + "expected_aov " + d.type(ColumnType.DOUBLE) + ", "
                + "clv " + d.type(ColumnType.DOUBLE) + ")");
    }
}
