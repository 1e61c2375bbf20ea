package io.seglift.toolkit.http;

import io.seglift.spi.destination.RetriableDestinationException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class HttpSenderTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRefusedConnectionIsRetriableAndSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpSender sender = new HttpSender(http, Duration.ofSeconds(2), "HubSpot");
        Throwable t = catchThrowable(() -> sender.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/crm/v3/objects?token=x")).GET(), "GET /crm/v3/objects"));
        assertThat(t).isInstanceOf(RetriableDestinationException.class);
        assertThat(((RetriableDestinationException) t).code()).isEqualTo("CONNECT");
        assertThat(t.getMessage()).contains("HubSpot GET /crm/v3/objects failed: connection refused")
                .contains("127.0.0.1:" + port).doesNotContain("null").doesNotContain("token=x");
    }

    @Test
    void aServerThatNeverAnswersTimesOutRetriably() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpSender sender = new HttpSender(http, Duration.ofMillis(300), "Klaviyo");
            Throwable t = catchThrowable(() -> sender.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + s.getLocalPort() + "/api/lists")).GET(), "GET /api/lists"));
            assertThat(t).isInstanceOf(RetriableDestinationException.class);
            assertThat(((RetriableDestinationException) t).code()).isEqualTo("TIMEOUT");
            assertThat(t.getMessage()).contains("no answer within 300 ms");
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsRetriableWithAReadableCause() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.setSoLinger(true, 0);
                } catch (Exception ignored) {
                    // the test fails on the client side if the server cannot accept
                }
            });
            closer.start();
            HttpSender sender = new HttpSender(http, Duration.ofSeconds(5), "webhook");
            Throwable t = catchThrowable(() -> sender.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + s.getLocalPort() + "/batches")).POST(HttpRequest.BodyPublishers.ofString("{}")), "POST /batches"));
            closer.join();
            assertThat(t).isInstanceOf(RetriableDestinationException.class);
            assertThat(t.getMessage()).startsWith("webhook POST /batches failed: ").doesNotContain("null");
        }
    }
}
