package io.seglift.serve;

import io.seglift.sync.RunSummary;
import io.seglift.sync.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class SyncServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(SyncServer s, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A hand-written request, so that Host, Origin and bodies are exactly as a hostile page or client sends them. */
    private static String raw(SyncServer s, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String request(SyncServer s, String method, String path, String... headers) {
        StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            r.append(h).append("\r\n");
            host |= h.startsWith("Host:");
        }
        if (!host) r.append("Host: 127.0.0.1:").append(s.port()).append("\r\n");
        return r.append("Connection: close\r\nContent-Length: 0\r\n\r\n").toString();
    }

    private static RunSummary summary(String sync, RunStatus status) {
        Instant t = Instant.parse("2026-11-22T06:00:00Z");
        return new RunSummary("r1", sync, status, null, 5, 1, 0, 0, 0, 3, 0, t, t.plusSeconds(2), null);
    }

    private static SyncServer server(SyncRunner runner) throws IOException {
        SyncServer s = new SyncServer(Set.of("a"), Map.of(), runner, () -> "[]", Clock.systemUTC(), 0);
        s.start();
        return s;
    }

    @Test
    void cronSchedulesUseFiveFieldUnixSyntax() {
        CronSchedule daily = CronSchedule.parse("0 6 * * *");
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 22, 7, 0, 0, 0, ZoneOffset.UTC);
        assertThat(daily.next(now)).contains(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> CronSchedule.parse("every day")).hasMessageContaining("5-field cron");
    }

    @Test
    void healthMetricsRunsAndTrigger() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        SyncRunner runner = (name, stop) -> {
            ran.countDown();
            return summary(name, RunStatus.SUCCEEDED);
        };
        try (SyncServer s = new SyncServer(Set.of("a"), Map.of(), runner, () -> "[{\"run_id\":\"r1\"}]", Clock.systemUTC(), 0)) {
            s.start();
            assertThat(send(s, "GET", "/health").body()).isEqualTo("ok\n");
            assertThat(send(s, "GET", "/runs").body()).contains("r1");
            assertThat(send(s, "POST", "/syncs/nope/trigger").statusCode()).isEqualTo(404);
            assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(202);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            String metrics = awaitMetric(s, "seglift_sync_runs_total{");
            assertThat(send(s, "GET", "/metrics").headers().firstValue("Content-Type")).hasValue(ServeMetrics.CONTENT_TYPE);
            assertThat(metrics).contains("# TYPE seglift_sync_runs_total counter")
                    .contains("seglift_sync_runs_total{status=\"succeeded\",sync=\"a\"} 1.0")
                    .contains("seglift_sync_members_total{outcome=\"added\",sync=\"a\"} 5.0")
                    .contains("seglift_sync_members_total{outcome=\"removed\",sync=\"a\"} 1.0")
                    .contains("seglift_sync_members_total{outcome=\"retried\",sync=\"a\"} 0.0")
                    .contains("seglift_sync_run_duration_seconds_count{status=\"succeeded\",sync=\"a\"} 1")
                    .contains("seglift_sync_run_duration_seconds_sum{status=\"succeeded\",sync=\"a\"} 2.0")
                    .contains("seglift_sync_last_run_timestamp_seconds{sync=\"a\"} 1.795327202E9")
                    .contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads").contains("jvm_gc_");
        }
    }

    private String awaitMetric(SyncServer s, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String body = send(s, "GET", "/metrics").body();
        while (!body.contains(text) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            body = send(s, "GET", "/metrics").body();
        }
        return body;
    }

    @Test
    void aSecondTriggerWhileRunningIsRefusedAndShutdownLetsTheRunFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawStop = new AtomicBoolean();
        SyncRunner runner = (name, stop) -> {
            started.countDown();
            while (!stop.getAsBoolean()) Thread.onSpinWait();
            sawStop.set(true);
            return summary(name, RunStatus.STOPPED);
        };
        SyncServer s = server(runner);
        assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(202);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(409);
        s.close();
        assertThat(sawStop).isTrue();
        assertThat(s.metrics().scrape()).contains("seglift_sync_runs_total{status=\"stopped\",sync=\"a\"} 1.0");
    }

    @Test
    void aCrossSitePostCannotTriggerASync() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (SyncServer s = server((name, stop) -> {
            runs.incrementAndGet();
            return summary(name, RunStatus.SUCCEEDED);
        })) {
            // a form or fetch() with a simple content type, from any page
            assertThat(raw(s, request(s, "POST", "/syncs/a/trigger", "Content-Type: text/plain", "Origin: http://evil.example")))
                    .startsWith("HTTP/1.1 403").contains("cross-origin");
            assertThat(raw(s, request(s, "POST", "/syncs/a/trigger", "Content-Type: text/plain")))
                    .startsWith("HTTP/1.1 415").contains("Content-Type: application/json");
            assertThat(raw(s, request(s, "POST", "/syncs/a/trigger", "Content-Type: application/x-www-form-urlencoded")))
                    .startsWith("HTTP/1.1 415");
            assertThat(raw(s, request(s, "POST", "/syncs/a/trigger", "Content-Type: application/json",
                    "Origin: http://127.0.0.1:" + (s.port() + 1)))).startsWith("HTTP/1.1 403");
            assertThat(runs).hasValue(0);
            assertThat(raw(s, request(s, "POST", "/syncs/a/trigger", "Content-Type: application/json; charset=utf-8",
                    "Origin: http://localhost:" + s.port()))).startsWith("HTTP/1.1 202").contains("{\"queued\":\"a\"}");
        }
    }

    @Test
    void onlyLocalHostNamesOnTheBoundPortAreAnswered() throws Exception {
        try (SyncServer s = server((name, stop) -> summary(name, RunStatus.SUCCEEDED))) {
            assertThat(raw(s, request(s, "GET", "/runs", "Host: evil.example:" + s.port())))
                    .startsWith("HTTP/1.1 421").contains("\"error\":\"Host must be localhost");
            assertThat(raw(s, request(s, "GET", "/health", "Host: 127.0.0.1:" + (s.port() + 1)))).startsWith("HTTP/1.1 421");
            assertThat(raw(s, request(s, "GET", "/health", "Host: localhost.evil.example"))).startsWith("HTTP/1.1 421");
            assertThat(raw(s, request(s, "GET", "/health", "Host: localhost:" + s.port()))).startsWith("HTTP/1.1 200");
            assertThat(raw(s, request(s, "GET", "/health", "Host: [::1]:" + s.port()))).startsWith("HTTP/1.1 200");
            assertThat(raw(s, request(s, "GET", "/health", "Host: 127.0.0.1"))).startsWith("HTTP/1.1 200");
        }
        try (SyncServer s = new SyncServer(Set.of("a"), Map.of(), (name, stop) -> summary(name, RunStatus.SUCCEEDED),
                () -> "[]", Clock.systemUTC(), HttpSettings.local(0).withExtraHosts(Set.of("Seglift.Internal")))) {
            s.start();
            assertThat(raw(s, request(s, "GET", "/health", "Host: seglift.internal:" + s.port()))).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void methodsAndPathsAreExactAndEveryErrorIsJson() throws Exception {
        try (SyncServer s = server((name, stop) -> summary(name, RunStatus.SUCCEEDED))) {
            HttpResponse<String> postHealth = send(s, "POST", "/health");
            assertThat(postHealth.statusCode()).isEqualTo(405);
            assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(postHealth.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(postHealth.body()).isEqualTo("{\"error\":\"POST is not allowed here; use GET, HEAD\",\"status\":405}");
            assertThat(send(s, "DELETE", "/runs").statusCode()).isEqualTo(405);
            assertThat(send(s, "PUT", "/metrics").statusCode()).isEqualTo(405);
            HttpResponse<String> getTrigger = send(s, "GET", "/syncs/a/trigger");
            assertThat(getTrigger.statusCode()).isEqualTo(405);
            assertThat(getTrigger.headers().firstValue("Allow")).hasValue("POST");
            for (String path : List.of("/healthXYZ", "/health/", "/", "/runs/x", "/syncs/trigger", "/syncs//trigger",
                    "/syncs/a/trigger/x", "/syncs/a")) {
                HttpResponse<String> r = send(s, "POST", path);
                assertThat(r.statusCode()).as(path).isEqualTo(404);
                assertThat(r.body()).as(path).startsWith("{\"error\":\"no such path");
            }
        }
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        try (SyncServer s = server((name, stop) -> summary(name, RunStatus.SUCCEEDED))) {
            String big = "x".repeat(20_000);
            String declared = "POST /syncs/a/trigger HTTP/1.1\r\nHost: 127.0.0.1:" + s.port()
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + big.length() + "\r\n\r\n" + big;
            assertThat(raw(s, declared)).startsWith("HTTP/1.1 413").contains("larger than 8192 bytes");
            String chunked = "POST /syncs/a/trigger HTTP/1.1\r\nHost: 127.0.0.1:" + s.port()
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";
            assertThat(raw(s, chunked)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void healthAnswersWhileClientsStallMidRequest() throws Exception {
        try (SyncServer s = server((name, stop) -> summary(name, RunStatus.SUCCEEDED))) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port());
                    socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health"))
                        .timeout(Duration.ofSeconds(3)).build();
                assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok\n");
            } finally {
                for (Socket socket : stalled) socket.close();
            }
        }
    }

    @Test
    void aBusyWarehouseAtRunsIsAServiceUnavailableWithRetryAfter() throws Exception {
        try (SyncServer s = new SyncServer(Set.of("a"), Map.of(), (name, stop) -> summary(name, RunStatus.SUCCEEDED),
                () -> {
                    throw new NotDoneException("busy: another process holds the warehouse file", true, null);
                }, Clock.systemUTC(), 0)) {
            s.start();
            HttpResponse<String> r = send(s, "GET", "/runs");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(r.body()).contains("busy: another process holds the warehouse file");
        }
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsStackTraceAndCounted() throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (SyncServer s = server((name, stop) -> {
            if (name.equals("a")) throw new IllegalStateException("boom in the engine");
            return summary(name, RunStatus.SUCCEEDED);
        })) {
            assertThat(s.enqueue("a")).isTrue();
            String metrics = awaitMetric(s, "seglift_sync_errors_total{");
            assertThat(metrics).contains("seglift_sync_errors_total{sync=\"a\"} 1.0");
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a: the run failed unexpectedly")
                .contains("java.lang.IllegalStateException: boom in the engine")
                .contains("at io.seglift.serve.SyncServerTest");
    }

    @Test
    void aRunThatIsNotDoneIsOneLineWithoutAStackTrace() throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (SyncServer s = server((name, stop) -> {
            throw new NotDoneException("sync a is already running (pid 1); nothing done", true, new IllegalStateException());
        })) {
            assertThat(s.enqueue("a")).isTrue();
            awaitMetric(s, "seglift_sync_errors_total{");
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a: not run: sync a is already running").doesNotContain("\tat ");
    }
}
