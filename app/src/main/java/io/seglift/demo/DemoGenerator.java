package io.seglift.demo;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes the demo data set into a warehouse: recreates the demo tables, simulates every customer (streaming each
 * customer's rows straight into the bulk writers), then records the campaign truth and the generation parameters.
 */
public final class DemoGenerator {
    private static final int PROGRESS_STEP = 1_000;

    private final Clock clock;

    public DemoGenerator(Clock clock) {
        this.clock = clock;
    }

    public DemoSummary generate(Warehouse w, DemoSpec spec, Progress progress) {
        Instant started = clock.instant();
        DemoTables.recreate(w);
        progress.start(String.format(java.util.Locale.ROOT, "generating %,d demo customers", spec.customers()), spec.customers());
        long orphans;
        WarehouseDemoSink sink = new WarehouseDemoSink(w);
        try (sink) {
            CustomerSimulator simulator = new CustomerSimulator(spec, sink);
            for (long i = 1; i <= spec.customers(); i++) {
                simulator.simulate(i);
                if (i % PROGRESS_STEP == 0) progress.advance(PROGRESS_STEP);
            }
            progress.advance(spec.customers() % PROGRESS_STEP);
            long before = sink.orders();
            simulator.orphanOrders();
            orphans = sink.orders() - before;
        }
        writeTruth(w, spec);
        DemoSummary summary = new DemoSummary(sink.customers(), sink.orders(), sink.futureOrders(),
                sink.emailEvents(), sink.suppressions(), orphans, spec.historyStart(), spec.asOf(), spec.seed(),
                Duration.between(started, clock.instant()));
        progress.finish(String.format(java.util.Locale.ROOT, "%,d customers, %,d orders, %,d email events written", summary.customers(),
                summary.orders(), summary.emailEvents()));
        return summary;
    }

    private static void writeTruth(Warehouse w, DemoSpec spec) {
        w.execute("INSERT INTO " + w.dialect().table(DemoTables.CAMPAIGN)
                        + " (true_effect_pp, window_days, outcome, description) VALUES (?, ?, ?, ?)",
                spec.trueEffectPp(), spec.windowDays(), "purchase",
                "added purchase probability within window_days of a treated member's first exposure");
        List<List<String>> params = List.of(
                List.of("seed", Long.toString(spec.seed())),
                List.of("customers", Integer.toString(spec.customers())),
                List.of("as_of", spec.asOf().toString()),
                List.of("history_start", spec.historyStart().toString()),
                List.of("months", Integer.toString(spec.months())),
                List.of("future_days", Integer.toString(spec.futureDays())),
                List.of("email_weeks", Integer.toString(spec.emailWeeks())),
                List.of("model", "docs/demo-data.md"));
        for (List<String> p : params) {
            w.execute("INSERT INTO " + w.dialect().table(DemoTables.PARAMETERS) + " (name, value) VALUES (?, ?)",
                    p.get(0), p.get(1));
        }
    }
}
