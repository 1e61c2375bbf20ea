package io.seglift.scoring.rfm;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/** Creates {@code rfm_scores}, keyed by (as_of, customer_key), history kept. */
public final class RfmScoresMigration implements Migration {
    @Override
    public String id() {
        return "0110-scoring-rfm-scores";
    }

    @Override
    public String description() {
        return "scoring: rfm_scores per as_of and customer";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        return List.of("CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.RFM_SCORES)) + " ("
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
                + "rfm_segment " + d.type(ColumnType.TEXT) + " NOT NULL, "
                + d.primaryKey("as_of", "customer_key") + ")");
    }
}
