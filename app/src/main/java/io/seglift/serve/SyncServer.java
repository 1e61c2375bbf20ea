package io.seglift.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.seglift.sync.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long-running server: a scheduler that queues each sync at its next cron time, one worker that runs queued syncs
 * one at a time, and an HTTP endpoint on the {@link HttpSettings#bind bound address} (loopback unless a bearer token is
 * set). {@link #close()} stops taking work, asks the run in
 * progress to stop after its batch in flight, waits for it, then stops the HTTP server.
 *
 * <p>The endpoint answers exactly {@code GET /health}, {@code GET /metrics}, {@code GET /runs} and
 * {@code POST /syncs/NAME/trigger} (HEAD wherever GET is): other paths get 404, other methods 405 with {@code Allow},
 * and every request first passes the {@link RequestGuard} (exactly one Host, a local one on a loopback address; no
 * foreign Origin; the bearer token, when set, for runs, triggers and optionally metrics; JSON content type for POST).
 * A malformed {@code Content-Length} or body gets 400, a body over the limit 413. Errors are JSON.
 */
public final class SyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    private static final Pattern TRIGGER = Pattern.compile("/syncs/([^/]+)/trigger");

    static {
        // A client that stalls mid-request holds a worker; the JDK server closes it after this many seconds.
        // Read once by the JDK when its first HttpServer starts, so set here unless the operator chose a value.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "20");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    private final Map<String, CronSchedule> schedules;
    private final Set<String> syncs;
    private final SyncRunner runner;
    private final Supplier<String> runsJson;
    private final Clock clock;
    private final HttpSettings settings;
    private final ServeMetrics metrics = new ServeMetrics();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "seglift-scheduler"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "seglift-worker"));
    private final ExecutorService httpWorkers;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpServer http;
    private final RequestGuard guard;

    /** A server with {@link HttpSettings#local local} HTTP settings on {@code port}. */
    public SyncServer(Set<String> syncs, Map<String, CronSchedule> schedules, SyncRunner runner, Supplier<String> runsJson,
                      Clock clock, int port) throws IOException {
        this(syncs, schedules, runner, runsJson, clock, HttpSettings.local(port));
    }

    /**
     * @param syncs     every sync that may be triggered
     * @param schedules cron schedules by sync (syncs without one run only when triggered)
     * @param runner    runs a sync
     * @param runsJson  renders recent runs as JSON for {@code /runs}; may throw {@link NotDoneException}
     * @param settings  port, accepted host names, workers, body limit
     */
    public SyncServer(Set<String> syncs, Map<String, CronSchedule> schedules, SyncRunner runner, Supplier<String> runsJson,
                      Clock clock, HttpSettings settings) throws IOException {
        this.syncs = Set.copyOf(syncs);
        this.schedules = Map.copyOf(schedules);
        this.runner = runner;
        this.runsJson = runsJson;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        this.guard = new RequestGuard(settings, http.getAddress().getPort());
        this.httpWorkers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "seglift-http"));
        http.createContext("/", this::handle);
        http.setExecutor(httpWorkers);
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
                LOG.info("run {} of {}: {} (+{} -{} ~{}, {} rejected, {} left for retry) in {} s", s.runId(), sync,
                        s.status().code(), s.added(), s.removed(), s.updated(), s.rejected(), s.retried(),
                        s.elapsed().toMillis() / 1000.0);
            } catch (NotDoneException e) {
                metrics.recordError(sync);
                LOG.warn("{}: not run: {}", sync, e.getMessage());
            } catch (RuntimeException e) {
                metrics.recordError(sync);
                LOG.error("{}: the run failed unexpectedly", sync, e);
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

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Optional<HttpError> refused = guard.check(ex.getRequestHeaders()).or(() -> readBody(ex));
            if (refused.isPresent()) {
                error(ex, refused.get());
                return;
            }
            route(ex, method, path);
        } catch (RuntimeException e) {
            LOG.error("{} {}: unexpected failure", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
            error(ex, new HttpError(500, "internal error; see the serve log"));
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        Matcher trigger = TRIGGER.matcher(path);
        switch (path) {
            case "/health" -> {
                if (admit(ex, method, "GET", false)) {
                    reply(ex, 200, "text/plain; charset=utf-8", stopping.get() ? "stopping\n" : "ok\n");
                }
            }
            case "/metrics" -> {
                if (admit(ex, method, "GET", settings.tokenProtectsMetrics())) {
                    reply(ex, 200, ServeMetrics.CONTENT_TYPE, metrics.scrape());
                }
            }
            case "/runs" -> {
                if (admit(ex, method, "GET", true)) runs(ex);
            }
            default -> {
                if (!trigger.matches()) {
                    error(ex, new HttpError(404, "no such path; the endpoint serves GET /health, GET /metrics,"
                            + " GET /runs and POST /syncs/NAME/trigger"));
                } else if (admit(ex, method, "POST", true)) {
                    Optional<HttpError> refused = guard.checkPost(ex.getRequestHeaders());
                    if (refused.isPresent()) error(ex, refused.get());
                    else trigger(ex, trigger.group(1));
                }
            }
        }
    }

    /**
     * Whether the request may reach the endpoint: its method is {@code allowed} (HEAD wherever GET is), else 405 with
     * {@code Allow}; and, on a {@code guarded} endpoint, it carries the token when one is set, else 401 or 400.
     */
    private boolean admit(HttpExchange ex, String method, String allowed, boolean guarded) throws IOException {
        boolean get = allowed.equals("GET");
        if (!method.equals(allowed) && !(get && method.equals("HEAD"))) {
            String allow = get ? "GET, HEAD" : allowed;
            error(ex, new HttpError(405, method + " is not allowed here; use " + allow, Map.of("Allow", allow)));
            return false;
        }
        Optional<HttpError> refused = guarded ? guard.checkToken(ex.getRequestHeaders()) : Optional.empty();
        if (refused.isPresent()) {
            error(ex, refused.get());
            return false;
        }
        return true;
    }

    private void runs(HttpExchange ex) throws IOException {
        String json;
        try {
            json = runsJson.get();
        } catch (NotDoneException e) {
            error(ex, e.retryLater() ? new HttpError(503, e.getMessage(), Map.of("Retry-After", "5"))
                    : new HttpError(500, e.getMessage()));
            return;
        }
        reply(ex, 200, "application/json", json);
    }

    private void trigger(HttpExchange ex, String name) throws IOException {
        if (!syncs.contains(name)) {
            error(ex, new HttpError(404, "no sync with that name"));
        } else if (enqueue(name)) {
            reply(ex, 202, "application/json", "{\"queued\":" + Json.string(name) + "}");
        } else {
            error(ex, new HttpError(409, "already queued or running, or the server is stopping"));
        }
    }

    /** Reads and discards the request body; the error when its length is malformed (400) or over the limit (413). */
    private Optional<HttpError> readBody(HttpExchange ex) {
        HttpError tooLarge = new HttpError(413, "request body larger than " + settings.maxBodyBytes() + " bytes",
                Map.of("Connection", "close"));
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.trim()) > settings.maxBodyBytes()) return Optional.of(tooLarge);
        } catch (NumberFormatException e) {
            return Optional.of(new HttpError(400, "Content-Length must be a number of bytes"));
        }
        try {
            InputStream in = ex.getRequestBody();
            byte[] buffer = new byte[4096];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.maxBodyBytes()) return Optional.of(tooLarge);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new HttpError(400, "the request body could not be read (malformed chunked encoding?)",
                    Map.of("Connection", "close")));
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        stopping.set(true);
        scheduler.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(1);
        httpWorkers.shutdownNow();
        metrics.close();
    }

    private static void error(HttpExchange ex, HttpError e) throws IOException {
        e.headers().forEach(ex.getResponseHeaders()::set);
        reply(ex, e.status(), "application/json", "{\"error\":" + Json.string(e.message()) + ",\"status\":" + e.status() + "}");
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
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
