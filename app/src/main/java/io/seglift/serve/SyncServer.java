package io.seglift.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.seglift.sync.RunSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The long-running server: a scheduler that queues each sync at its next cron time, one worker that runs queued syncs
 * one at a time, and an HTTP endpoint on {@code 127.0.0.1}. {@link #close()} stops taking work, asks the run in
 * progress to stop after its batch in flight, waits for it, then stops the HTTP server.
 */
public final class SyncServer implements AutoCloseable {
    private final Map<String, CronSchedule> schedules;
    private final Set<String> syncs;
    private final SyncRunner runner;
    private final Supplier<String> runsJson;
    private final Clock clock;
    private final ServeMetrics metrics = new ServeMetrics();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "seglift-scheduler"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "seglift-worker"));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final HttpServer http;

    /**
     * @param syncs     every sync that may be triggered
     * @param schedules cron schedules by sync (syncs without one run only when triggered)
     * @param runner    runs a sync
     * @param runsJson  renders recent runs as JSON for {@code /runs}
     * @param port      port on 127.0.0.1 (0 for any)
     */
    public SyncServer(Set<String> syncs, Map<String, CronSchedule> schedules, SyncRunner runner, Supplier<String> runsJson,
                      Clock clock, int port) throws IOException {
        this.syncs = Set.copyOf(syncs);
        this.schedules = Map.copyOf(schedules);
        this.runner = runner;
        this.runsJson = runsJson;
        this.clock = clock;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.createContext("/health", ex -> reply(ex, 200, "text/plain", stopping.get() ? "stopping\n" : "ok\n"));
        http.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4", metrics.render()));
        http.createContext("/runs", ex -> reply(ex, 200, "application/json", runsJson.get()));
        http.createContext("/syncs/", this::trigger);
        http.setExecutor(Executors.newFixedThreadPool(2, r -> daemon(r, "seglift-http")));
    }

    public void start() {
        http.start();
        schedules.keySet().forEach(this::scheduleNext);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /** Queues a run of {@code sync}; false when it is already queued or running, or the server is stopping. */
    public boolean enqueue(String sync) {
        if (stopping.get() || !queued.add(sync)) return false;
        worker.submit(() -> {
            try {
                RunSummary s = runner.run(sync, stopping::get);
                metrics.record(s);
            } catch (RuntimeException e) {
                metrics.recordError();
                System.err.println("seglift serve: " + sync + ": " + e.getMessage());
            } finally {
                queued.remove(sync);
            }
        });
        return true;
    }

    private void scheduleNext(String sync) {
        if (stopping.get()) return;
        ZonedDateTime now = ZonedDateTime.now(clock);
        schedules.get(sync).next(now).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(now, at).toMillis());
            scheduler.schedule(() -> {
                enqueue(sync);
                scheduleNext(sync);
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void trigger(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!path.endsWith("/trigger") || !"POST".equals(ex.getRequestMethod())) {
            reply(ex, 404, "application/json", "{\"error\":\"use POST /syncs/{name}/trigger\"}");
            return;
        }
        String name = path.substring("/syncs/".length(), path.length() - "/trigger".length());
        if (!syncs.contains(name)) {
            reply(ex, 404, "application/json", "{\"error\":\"no sync with that name\"}");
        } else if (enqueue(name)) {
            reply(ex, 202, "application/json", "{\"queued\":\"" + name + "\"}");
        } else {
            reply(ex, 409, "application/json", "{\"error\":\"already queued or running, or the server is stopping\"}");
        }
    }

    @Override
    public void close() {
        stopping.set(true);
        scheduler.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(1);
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
