package io.seglift.demo;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

/** The closing summary of the data the demo ran on, read from the warehouse. */
public final class DataSummaryStage implements DemoStage {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public StageResult run(DemoContext context) {
        Warehouse w = context.warehouse();
        Dialect d = w.dialect();
        long customers = w.queryLong("SELECT count(*) FROM " + d.table(DemoTables.CUSTOMERS));
        long orders = w.queryLong("SELECT count(*) FROM " + d.table(DemoTables.ORDERS));
        long events = w.queryLong("SELECT count(*) FROM " + d.table(DemoTables.EMAIL_EVENTS));
        long alive = w.queryLong("SELECT count(*) FROM " + d.table(DemoTables.TRUTH_CUSTOMERS)
                + " WHERE alive_at_as_of");
        return StageResult.done(String.format(java.util.Locale.ROOT, "%,d customers, %,d orders (history to %s and the simulated "
                        + "campaign cycles), %,d email events; %.0f%% of customers active at %s (ground truth)", customers,
                orders, context.dataAsOf(), events, customers == 0 ? 0 : 100.0 * alive / customers, context.dataAsOf()),
                context.projectFile(), context.database());
    }
}
