package io.seglift.scoring.rfm;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * Recreates {@code rfm_scores} without its PRIMARY KEY, keeping the rows. The key (as_of, customer_key) holds by
 * construction (one row per customer from a GROUP BY; an as-of date is replaced as a whole); maintaining the index
 * made writing a million scores about thirty times slower on DuckDB.
 */
public final class RfmScoresUnindexedMigration implements Migration {
    @Override
    public String id() {
        return "0111-scoring-rfm-scores-unindexed";
    }

    @Override
    public String description() {
        return "scoring: rfm_scores without a primary-key index";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        if (!d.enforcesPrimaryKeys()) {
            return List.of(); // no index to drop; and BigQuery allows no DROP after the INSERT in one transaction
        }
        TableName old = TableName.of(schema, SegliftTables.RFM_SCORES);
        TableName next = TableName.of(schema, "rfm_scores_next");
        String cols = "as_of, customer_key, last_purchase, recency_days, frequency, monetary_total, monetary_avg, r_score,"
                + " f_score, m_score, rfm_segment";
        return List.of("CREATE TABLE " + d.table(next) + " ("
                        + "as_of " + d.type(ColumnType.DATE) + " NOT NULL, "
                        + "customer_key " + d.type(ColumnType.TEXT) + " NOT NULL, "
                        + "last_purchase " + d.type(ColumnType.DATE) + " NOT NULL, "
                        + "recency_days " + d.type(ColumnType.INTEGER) + " NOT NULL, "
                        + "frequency " + d.type(ColumnType.BIGINT) + " NOT NULL, "
                        + "monetary_total " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                        + "monetary_avg " + d.type(ColumnType.DOUBLE) + " NOT NULL, "
                        + "r_score " + d.type(ColumnType.INTEGER) + " NOT NULL, "
                        + "f_score " + d.type(ColumnType.INTEGER) + " NOT NULL, "
                        + "m_score " + d.type(ColumnType.INTEGER) + " NOT NULL, "
                        + "rfm_segment " + d.type(ColumnType.TEXT) + " NOT NULL)",
                "INSERT INTO " + d.table(next) + " (" + cols + ") SELECT " + cols + " FROM " + d.table(old),
                "DROP TABLE " + d.table(old),
                "ALTER TABLE " + d.table(next) + " RENAME TO " + d.quote(SegliftTables.RFM_SCORES));
    }
}
