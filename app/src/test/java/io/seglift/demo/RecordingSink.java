package io.seglift.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Keeps every generated row in memory; for small test data sets only. */
final class RecordingSink implements DemoSink {
    final List<DemoCustomer> customers = new ArrayList<>();
    final List<DemoOrder> orders = new ArrayList<>();
    final List<DemoOrder> futureOrders = new ArrayList<>();
    final List<EmailEvent> events = new ArrayList<>();
    final List<String> suppressed = new ArrayList<>();
    final List<TruthCustomer> truth = new ArrayList<>();

    @Override public void customer(DemoCustomer c) { customers.add(c); }

    @Override public void order(DemoOrder o) { orders.add(o); }

    @Override public void futureOrder(DemoOrder o) { futureOrders.add(o); }

    @Override public void emailEvent(EmailEvent e) { events.add(e); }

    @Override public void suppression(String id, String reason, LocalDateTime at) { suppressed.add(id); }

    @Override public void truth(TruthCustomer t) { truth.add(t); }

    static RecordingSink simulate(DemoSpec spec) {
        RecordingSink sink = new RecordingSink();
        CustomerSimulator sim = new CustomerSimulator(spec, sink);
        for (long i = 1; i <= spec.customers(); i++) sim.simulate(i);
        sim.orphanOrders();
        return sink;
    }
}
