package io.seglift.serve;

import io.seglift.sync.RunSummary;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters exposed at {@code /metrics} in the Prometheus text format (version 0.0.4). */
public final class ServeMetrics {
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> members = new ConcurrentHashMap<>();
    private final Map<String, Double> lastSeconds = new ConcurrentHashMap<>();
    private final Map<String, Long> lastFinished = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public void record(RunSummary s) {
        runs.computeIfAbsent(label("sync", s.syncName(), "status", s.status().code()), k -> new AtomicLong()).incrementAndGet();
        add(s.syncName(), "added", s.added());
        add(s.syncName(), "removed", s.removed());
        add(s.syncName(), "updated", s.updated());
        add(s.syncName(), "rejected", s.rejected());
        add(s.syncName(), "retry", s.retried());
        lastSeconds.put(label("sync", s.syncName()), s.elapsed().toMillis() / 1000.0);
        lastFinished.put(label("sync", s.syncName()), s.finishedAt().getEpochSecond());
    }

    /** A run that threw instead of returning a summary (refused, locked, warehouse down). */
    public void recordError() {
        failures.incrementAndGet();
    }

    private void add(String sync, String outcome, long n) {
        members.computeIfAbsent(label("sync", sync, "outcome", outcome), k -> new AtomicLong()).addAndGet(n);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP seglift_sync_runs_total Sync runs by final status.\n# TYPE seglift_sync_runs_total counter\n");
        new TreeMap<>(runs).forEach((l, v) -> sb.append("seglift_sync_runs_total").append(l).append(' ').append(v.get()).append('\n'));
        sb.append("# HELP seglift_sync_members_total Members by outcome.\n# TYPE seglift_sync_members_total counter\n");
        new TreeMap<>(members).forEach((l, v) -> sb.append("seglift_sync_members_total").append(l).append(' ').append(v.get()).append('\n'));
        sb.append("# HELP seglift_sync_last_run_seconds Duration of the last run.\n# TYPE seglift_sync_last_run_seconds gauge\n");
        new TreeMap<>(lastSeconds).forEach((l, v) -> sb.append("seglift_sync_last_run_seconds").append(l).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", v)).append('\n'));
        sb.append("# HELP seglift_sync_last_run_timestamp_seconds End of the last run (Unix time).\n")
                .append("# TYPE seglift_sync_last_run_timestamp_seconds gauge\n");
        new TreeMap<>(lastFinished).forEach((l, v) -> sb.append("seglift_sync_last_run_timestamp_seconds").append(l).append(' ').append(v).append('\n'));
        sb.append("# HELP seglift_sync_errors_total Runs that could not start or crashed.\n# TYPE seglift_sync_errors_total counter\n")
                .append("seglift_sync_errors_total ").append(failures.get()).append('\n');
        return sb.toString();
    }

    private static String label(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(kv[i]).append("=\"").append(kv[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
