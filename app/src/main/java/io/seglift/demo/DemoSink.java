package io.seglift.demo;

import java.time.LocalDateTime;

/** Receives generated rows as they are produced; the generator never holds more than one customer's rows. */
public interface DemoSink {
    void customer(DemoCustomer customer);

    void order(DemoOrder order);

    void futureOrder(DemoOrder order);

    void emailEvent(EmailEvent event);

    void suppression(String customerId, String reason, LocalDateTime suppressedAt);

    void truth(TruthCustomer truth);
}
