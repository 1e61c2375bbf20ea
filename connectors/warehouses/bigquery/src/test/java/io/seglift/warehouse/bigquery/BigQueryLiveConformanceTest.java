package io.seglift.warehouse.bigquery;

import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.testkit.warehouse.WarehouseConformanceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The warehouse conformance kit against a real BigQuery project. Runs only when {@code SEGLIFT_BIGQUERY_PROJECT} and
 * {@code SEGLIFT_BIGQUERY_DATASET} are set (plus optional {@code SEGLIFT_BIGQUERY_LOCATION} and
 * {@code SEGLIFT_BIGQUERY_CREDENTIALS_FILE}; default: application default credentials); skipped otherwise. The kit's
 * datasets {@code kit} and {@code kit_own} are created in that project. Run with
 * {@code mvn -B -Plive -pl connectors/warehouses/bigquery -am test -Dtest=BigQueryLiveConformanceTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("live")
class BigQueryLiveConformanceTest extends WarehouseConformanceTest {

    @BeforeAll
    void requireAccount() {
        assumeTrue(System.getenv("SEGLIFT_BIGQUERY_PROJECT") != null && System.getenv("SEGLIFT_BIGQUERY_DATASET") != null,
                "SEGLIFT_BIGQUERY_PROJECT and SEGLIFT_BIGQUERY_DATASET are not set: live BigQuery checks skipped");
    }

    @Override
    protected Warehouse openWarehouse(String schema) {
        Map<String, Object> values = new HashMap<>();
        values.put("project", System.getenv("SEGLIFT_BIGQUERY_PROJECT"));
        values.put("dataset", System.getenv("SEGLIFT_BIGQUERY_DATASET"));
        if (System.getenv("SEGLIFT_BIGQUERY_LOCATION") != null) {
            values.put("location", System.getenv("SEGLIFT_BIGQUERY_LOCATION"));
        }
        if (System.getenv("SEGLIFT_BIGQUERY_CREDENTIALS_FILE") != null) {
            values.put("credentials_file", System.getenv("SEGLIFT_BIGQUERY_CREDENTIALS_FILE"));
        }
        Warehouse w = new BigQueryWarehouseFactory().open(new Settings("warehouse", "bigquery", values), Path.of("."),
                schema);
        w.execute("DROP SCHEMA IF EXISTS " + w.dialect().quote(KIT) + " CASCADE");
        w.execute("DROP SCHEMA IF EXISTS " + w.dialect().quote(schema) + " CASCADE");
        return w;
    }
}
