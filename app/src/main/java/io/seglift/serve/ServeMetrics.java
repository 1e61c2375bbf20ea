package io.seglift.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.seglift.sync.RunSummary;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code /metrics} serves: a Micrometer Prometheus registry with per-sync run counters by status, member
 * outcome counters, run duration timers, the end time of each sync's last run, runs that could not start, and the
 * JVM's memory, GC and thread metrics. Names (Prometheus form) are listed in docs/sync.md.
 */
public final class ServeMetrics implements AutoCloseable {
    /** The content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, AtomicLong> lastFinished = new ConcurrentHashMap<>();

    public ServeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Counts a finished run: its status, its member outcomes and its duration. */
    public void record(RunSummary s) {
        String sync = s.syncName();
        Counter.builder("seglift.sync.runs").description("Sync runs by final status")
                .tags("sync", sync, "status", s.status().code()).register(registry).increment();
        member(sync, "added", s.added());
        member(sync, "removed", s.removed());
        member(sync, "updated", s.updated());
        member(sync, "rejected", s.rejected());
        member(sync, "retried", s.retried());
        Timer.builder("seglift.sync.run.duration").description("Duration of sync runs")
                .tags("sync", sync, "status", s.status().code()).register(registry).record(s.elapsed());
        lastFinished.computeIfAbsent(sync, name -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("seglift.sync.last.run.timestamp.seconds", v, AtomicLong::get)
                    .description("End of the sync's last run (Unix time)").tag("sync", name).register(registry);
            return v;
        }).set(s.finishedAt().getEpochSecond());
    }

    /** Counts a run that ended without a summary: refused, locked, warehouse busy, or an unexpected failure. */
    public void recordError(String sync) {
        Counter.builder("seglift.sync.errors").description("Runs that could not start or crashed")
                .tag("sync", sync).register(registry).increment();
    }

    private void member(String sync, String outcome, long n) {
        Counter.builder("seglift.sync.members").description("Members by outcome")
                .tags("sync", sync, "outcome", outcome).register(registry).increment(n);
    }

    /** The registry in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops listening for GC notifications; {@link #scrape()} still answers. */
    @Override
    public void close() {
        gc.close();
    }
}
