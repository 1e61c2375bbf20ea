package io.seglift.demo;

import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Streams generated rows into the demo tables through the warehouse's bulk writers. */
final class WarehouseDemoSink implements DemoSink, AutoCloseable {
    private final BulkWriter customers;
    private final BulkWriter orders;
    private final BulkWriter futureOrders;
    private final BulkWriter events;
    private final BulkWriter suppressions;
    private final BulkWriter truth;
    private final List<BulkWriter> all = new ArrayList<>();

    WarehouseDemoSink(Warehouse w) {
        customers = open(w.bulkWriter(DemoTables.CUSTOMERS, DemoTables.CUSTOMER_COLUMNS));
        orders = open(w.bulkWriter(DemoTables.ORDERS, DemoTables.ORDER_COLUMNS));
        futureOrders = open(w.bulkWriter(DemoTables.FUTURE_ORDERS, DemoTables.ORDER_COLUMNS));
        events = open(w.bulkWriter(DemoTables.EMAIL_EVENTS, DemoTables.EVENT_COLUMNS));
        suppressions = open(w.bulkWriter(DemoTables.SUPPRESSIONS, DemoTables.SUPPRESSION_COLUMNS));
        truth = open(w.bulkWriter(DemoTables.TRUTH_CUSTOMERS, DemoTables.TRUTH_COLUMNS));
    }

    private BulkWriter open(BulkWriter writer) {
        all.add(writer);
        return writer;
    }

    @Override
    public void customer(DemoCustomer c) {
        customers.row(c.customerId(), c.email(), c.phone(), c.firstName(), c.lastName(), c.city(), c.state(), c.zip(),
                c.country(), c.gender(), c.dateOfBirth(), c.signupAt(), c.emailOptIn(), c.smsOptIn(),
                c.doNotDisturb(), c.adsOptIn());
    }

    @Override
    public void order(DemoOrder o) {
        write(orders, o);
    }

    @Override
    public void futureOrder(DemoOrder o) {
        write(futureOrders, o);
    }

    private static void write(BulkWriter writer, DemoOrder o) {
        writer.row(o.orderId(), o.customerId(), o.orderedAt(), o.total(), o.category(), o.status());
    }

    @Override
    public void emailEvent(EmailEvent e) {
        events.row(e.customerId(), e.occurredAt(), e.eventType(), e.campaign());
    }

    @Override
    public void suppression(String customerId, String reason, LocalDateTime suppressedAt) {
        suppressions.row(customerId, reason, suppressedAt);
    }

    @Override
    public void truth(TruthCustomer t) {
        truth.row(t.customerId(), t.purchaseRatePerDay(), t.dropoutProbability(), t.meanSpend(),
                t.favouriteCategory(), t.aliveAtAsOf(), t.droppedOutAt(), t.expectedPurchases90d(), t.upliftDraw());
    }

    long customers() { return customers.count(); }

    long orders() { return orders.count(); }

    long futureOrders() { return futureOrders.count(); }

    long emailEvents() { return events.count(); }

    long suppressions() { return suppressions.count(); }

    @Override
    public void close() {
        RuntimeException first = null;
        for (BulkWriter w : all) {
            try {
                w.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
