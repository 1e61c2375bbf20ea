package io.seglift.scoring.clusters;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * Creates {@code cluster_assignments}: one row per (as_of, customer_key), history kept, without a primary-key index
 * (the key holds by construction, as in {@code rfm_scores}).
 */
public final class ClusterAssignmentsMigration implements Migration {
    @Override
    public String id() {
        return "0130-scoring-cluster-assignments";
    }

    @Override
    public String description() {
        return "scoring: cluster_assignments per as_of and customer";
    }

    @Override
    public List<String> statements(Dialect d, String schema) {
        return List.of("CREATE TABLE " + d.table(TableName.of(schema, SegliftTables.CLUSTER_ASSIGNMENTS)) + " ("
                + "as_of " + d.type(ColumnType.DATE) + " NOT NULL, "
                + "customer_key " + d.type(ColumnType.TEXT) + " NOT NULL, "
                + "cluster " + d.type(ColumnType.INTEGER) + " NOT NULL)");
    }
}
