package io.seglift.measure;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.SuccessMetric;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage of the whole path — orders in a warehouse, the lift SQL over PurchaseFacts, the interval — over 300 seeded
 * simulated campaigns (binomial s.e. 1.26 points at 95%; accepted 91–99%). Slow: run with
 * {@code mvn -pl scoring -am test -Pslow -Dtest=PipelineCoverageTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class PipelineCoverageTest {
    private static final int SEEDS = 300;
    private static final LocalDate COHORT = LocalDate.of(2024, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    @Test
    void intervalFromSqlCoversTheTrueEffect() {
        double p0 = 0.10;
        double effect = 0.04;
        int covered = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
                SplittableRandom rnd = new SplittableRandom(seed);
                w.execute("CREATE SCHEMA IF NOT EXISTS seglift");
                w.execute("CREATE TABLE orders (cust VARCHAR, ordered_at DATE, amount DOUBLE)");
                w.execute("CREATE TABLE seglift.holdout_assignments (segment VARCHAR, customer_key VARCHAR, "
                        + "arm VARCHAR, bucket BIGINT, first_assigned DATE)");
                try (BulkWriter o = w.bulkWriter(TableName.of(null, "orders"), List.of("cust", "ordered_at", "amount"));
                     BulkWriter h = w.bulkWriter(w.own("holdout_assignments"),
                             List.of("segment", "customer_key", "arm", "bucket", "first_assigned"))) {
                    for (int i = 0; i < 5000; i++) {
                        boolean holdout = rnd.nextDouble() < 0.1;
                        String key = "c" + i;
                        h.row("s", key, holdout ? "holdout" : "treatment", 0L, COHORT);
                        if (rnd.nextDouble() < p0 + (holdout ? 0 : effect)) {
                            o.row(key, COHORT.plusDays(1 + rnd.nextInt(30)), 20.0);
                        }
                        if (rnd.nextDouble() < 0.3) o.row(key, COHORT.plusDays(31 + rnd.nextInt(20)), 20.0);
                    }
                }
                PurchaseFacts facts = new PurchaseFacts(new OrdersSource(TableName.parse("orders", "orders"), "cust",
                        "ordered_at", Optional.empty(), Optional.of("amount"), Optional.empty(), Optional.empty(),
                        Optional.empty(), OrderRules.defaults()), w.dialect());
                var cohorts = new LiftQuery(w, facts).cohorts("s", 30, AS_OF);
                List<CohortLift> rows = new LiftAssessor(SuccessMetric.Outcome.PURCHASE, 30,
                        SuccessMetric.Target.parse("+3pp"), 0.1, 30).all(cohorts, AS_OF);
                if (rows.get(rows.size() - 1).estimate().contains(effect)) covered++;
            }
        }
        double coverage = (double) covered / SEEDS;
        System.out.printf("coverage of the 95%% interval through the SQL path (%d seeds): %.2f%%%n", SEEDS,
                100 * coverage);
        assertThat(coverage).isBetween(0.91, 0.99);
    }
}
