package io.seglift.demo;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the demo data set into a warehouse: recreates the demo tables, simulates every customer (streaming each
 * customer's rows straight into the bulk writers), then records the campaign truth and the generation parameters.
 * Customers are simulated in chunks on worker threads and written in index order by the calling thread, so the
 * tables are identical for any number of threads. The rows are written in one transaction: DuckDB's appender
 * otherwise commits every chunk it flushes.
 */
public final class DemoGenerator {
    private static final int PROGRESS_STEP = 1_000;
    private static final int CHUNK = 500;

    private final Clock clock;
    private final int threads;

    /** A generator simulating on as many threads as there are processors. */
    public DemoGenerator(Clock clock) {
        this(clock, Runtime.getRuntime().availableProcessors());
    }

    /** A generator simulating on {@code threads} threads (1: on the calling thread only). */
    public DemoGenerator(Clock clock, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        this.clock = clock;
        this.threads = threads;
    }

    public DemoSummary generate(Warehouse w, DemoSpec spec, Progress progress) {
        Instant started = clock.instant();
        DemoTables.recreate(w);
        progress.start(String.format(java.util.Locale.ROOT, "generating %,d demo customers", spec.customers()), spec.customers());
        long[] orphans = {0};
        WarehouseDemoSink sink = w.transaction(tx -> {
            WarehouseDemoSink s = new WarehouseDemoSink(tx);
            try (s) {
                CustomerSimulator simulator = new CustomerSimulator(spec, s);
                simulateAll(simulator, spec.customers(), progress);
                long before = s.orders();
                simulator.orphanOrders();
                orphans[0] = s.orders() - before;
            }
            writeTruth(tx, spec);
            return s;
        });
        DemoSummary summary = new DemoSummary(sink.customers(), sink.orders(), sink.futureOrders(),
                sink.emailEvents(), sink.suppressions(), orphans[0], spec.historyStart(), spec.asOf(), spec.seed(),
                Duration.between(started, clock.instant()));
        progress.finish(String.format(java.util.Locale.ROOT, "%,d customers, %,d orders, %,d email events written", summary.customers(),
                summary.orders(), summary.emailEvents()));
        return summary;
    }

    /** Simulates customers 1..{@code customers} and emits them in index order. */
    private void simulateAll(CustomerSimulator simulator, int customers, Progress progress) {
        if (threads == 1) {
            for (long i = 1; i <= customers; i++) {
                simulator.simulate(i);
                if (i % PROGRESS_STEP == 0) progress.advance(PROGRESS_STEP);
            }
            progress.advance(customers % PROGRESS_STEP);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seglift-demo-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<List<SimulatedCustomer>>> inFlight = new ArrayDeque<>();
            long next = 1;
            long emitted = 0;
            while (emitted < customers) {
                while (next <= customers && inFlight.size() < 2 * threads) {
                    long from = next;
                    long to = Math.min(customers, from + CHUNK - 1);
                    inFlight.add(pool.submit(() -> simulateChunk(simulator, from, to)));
                    next = to + 1;
                }
                for (SimulatedCustomer c : await(inFlight.poll())) {
                    simulator.emit(c);
                    if (++emitted % PROGRESS_STEP == 0) progress.advance(PROGRESS_STEP);
                }
            }
            progress.advance(customers % PROGRESS_STEP);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<SimulatedCustomer> simulateChunk(CustomerSimulator simulator, long from, long to) {
        List<SimulatedCustomer> out = new ArrayList<>((int) (to - from + 1));
        for (long i = from; i <= to; i++) out.add(simulator.simulateRows(i));
        return out;
    }

    private static List<SimulatedCustomer> await(Future<List<SimulatedCustomer>> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the demo data", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("generating the demo data failed: " + e.getCause(), e.getCause());
        }
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
