package io.seglift.serve;

import io.seglift.sync.RunSummary;
import io.seglift.sync.runs.RunStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(SyncServer s, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RunSummary summary(String sync, RunStatus status) {
        Instant t = Instant.parse("2026-11-22T06:00:00Z");
        return new RunSummary("r1", sync, status, null, 5, 1, 0, 0, 0, 3, 0, t, t.plusSeconds(2), null);
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
            assertThat(send(s, "GET", "/syncs/a/trigger").statusCode()).isEqualTo(404);
            assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(202);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.currentTimeMillis() + 5000;
            while (!send(s, "GET", "/metrics").body().contains("status=\"succeeded\"") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            String metrics = send(s, "GET", "/metrics").body();
            assertThat(metrics).contains("seglift_sync_runs_total{sync=\"a\",status=\"succeeded\"} 1")
                    .contains("seglift_sync_members_total{sync=\"a\",outcome=\"added\"} 5")
                    .contains("# TYPE seglift_sync_runs_total counter");
        }
    }

    @Test
    void aSecondTriggerWhileRunningIsRefusedAndShutdownLetsTheRunFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawStop = new AtomicBoolean();
        SyncRunner runner = (name, stop) -> {
            started.countDown();
            while (!stop.getAsBoolean()) sleepQuietly();
            sawStop.set(true);
            return summary(name, RunStatus.STOPPED);
        };
        SyncServer s = new SyncServer(Set.of("a"), Map.of(), runner, () -> "[]", Clock.systemUTC(), 0);
        s.start();
        assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(202);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(send(s, "POST", "/syncs/a/trigger").statusCode()).isEqualTo(409);
        s.close();
        assertThat(sawStop).isTrue();
        assertThat(s.metrics().render()).contains("status=\"stopped\"} 1");
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
