package io.seglift.serve;

import com.sun.net.httpserver.Headers;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bearer token, the bind rule and the HTTP answers around them. Every server here listens on 127.0.0.1 only. */
@Timeout(60)
class ServeAccessTest {
    private static final String TOKEN = "s3cr3t-token-0123456789abcdef";
    private static final String AUTH = "Authorization: Bearer " + TOKEN;

    private final AtomicInteger runs = new AtomicInteger();

    private SyncServer server(boolean protectMetrics) throws IOException {
        HttpSettings settings = HttpSettings.local(0)
                .withAccess(InetAddress.getByName("127.0.0.1"), Optional.of(BearerToken.of(TOKEN)), protectMetrics);
        SyncServer s = new SyncServer(Set.of("a"), Map.of(), (name, stop) -> {
            runs.incrementAndGet();
            Instant t = Instant.parse("2026-11-22T06:00:00Z");
            return new RunSummary("r1", name, RunStatus.SUCCEEDED, null, 1, 0, 0, 0, 0, 1, 0, t, t, null);
        }, () -> "[{\"run_id\":\"r1\"}]", Clock.systemUTC(), settings);
        s.start();
        return s;
    }

    private static String raw(SyncServer s, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request with Host, Connection: close and an empty body unless the headers say otherwise. */
    private static String request(SyncServer s, String method, String path, String... headers) throws IOException {
        StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        boolean length = false;
        for (String h : headers) {
            r.append(h).append("\r\n");
            host |= h.startsWith("Host:");
            length |= h.startsWith("Content-Length:") || h.startsWith("Transfer-Encoding:");
        }
        if (!host) r.append("Host: 127.0.0.1:").append(s.port()).append("\r\n");
        if (!length) r.append("Content-Length: 0\r\n");
        return raw(s, r.append("Connection: close\r\n\r\n").toString());
    }

    private static String post(SyncServer s, String path, String... headers) throws IOException {
        String[] all = new String[headers.length + 1];
        all[0] = "Content-Type: application/json";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return request(s, "POST", path, all);
    }

    @Test
    void runsAndTriggersRequireTheTokenAndHealthAndMetricsDoNot() throws Exception {
        try (SyncServer s = server(false)) {
            String missing = request(s, "GET", "/runs");
            assertThat(missing).startsWith("HTTP/1.1 401").contains("\r\nWww-authenticate: Bearer realm=\"seglift\"\r\n")
                    .contains("Content-type: application/json")
                    .endsWith("{\"error\":\"this endpoint requires the header Authorization: Bearer TOKEN\",\"status\":401}");
            String wrong = request(s, "GET", "/runs", "Authorization: Bearer " + TOKEN.replace('0', '1'));
            assertThat(wrong).startsWith("HTTP/1.1 401").contains("error=\"invalid_token\"").doesNotContain("r1");
            assertThat(request(s, "GET", "/runs", "Authorization: Bearer " + TOKEN + "x")).startsWith("HTTP/1.1 401");
            assertThat(request(s, "GET", "/runs", "Authorization: Bearer " + TOKEN.substring(0, 20))).startsWith("HTTP/1.1 401");
            assertThat(request(s, "GET", "/runs", AUTH)).startsWith("HTTP/1.1 200").contains("r1");
            assertThat(request(s, "GET", "/runs", "Authorization: bearer " + TOKEN)).as("the scheme is case-insensitive")
                    .startsWith("HTTP/1.1 200");

            assertThat(post(s, "/syncs/a/trigger")).startsWith("HTTP/1.1 401").contains("Bearer realm=\"seglift\"");
            assertThat(post(s, "/syncs/a/trigger", "Authorization: Bearer wrong-token-of-some-length")).startsWith("HTTP/1.1 401");
            assertThat(runs).hasValue(0);
            assertThat(post(s, "/syncs/a/trigger", AUTH)).startsWith("HTTP/1.1 202");

            assertThat(request(s, "GET", "/health")).startsWith("HTTP/1.1 200").endsWith("ok\n");
            assertThat(request(s, "GET", "/metrics")).startsWith("HTTP/1.1 200").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void metricsRequireTheTokenOnlyWhenAsked() throws Exception {
        try (SyncServer s = server(true)) {
            assertThat(request(s, "GET", "/metrics")).startsWith("HTTP/1.1 401").contains("Bearer realm=\"seglift\"");
            assertThat(request(s, "GET", "/metrics", AUTH)).startsWith("HTTP/1.1 200").contains("jvm_memory_used_bytes");
            assertThat(request(s, "GET", "/health")).startsWith("HTTP/1.1 200");
        }
        assertThatThrownBy(() -> HttpSettings.local(0).withAccess(InetAddress.getLoopbackAddress(), Optional.empty(), true))
                .hasMessageContaining("requires a bearer token");
    }

    @Test
    void aMalformedAuthorizationIsABadRequestAndAnotherSchemeIsAChallenge() throws Exception {
        try (SyncServer s = server(false)) {
            for (String header : new String[]{"Authorization: Bearer", "Authorization: Bearer two tokens",
                    "Authorization: Bearer t\u00f6ken-with-umlaut-long"}) {
                assertThat(request(s, "GET", "/runs", header)).as(header).startsWith("HTTP/1.1 400")
                        .contains("error=\"invalid_request\"").contains("\"status\":400}");
            }
            assertThat(request(s, "GET", "/runs", AUTH, AUTH)).startsWith("HTTP/1.1 400").contains("one Authorization header");
            String basic = request(s, "GET", "/runs", "Authorization: Basic dXNlcjpwYXNz");
            assertThat(basic).startsWith("HTTP/1.1 401").contains("Www-authenticate: Bearer realm=\"seglift\"\r\n")
                    .doesNotContain("error=");
        }
    }

    @Test
    void theTokenIsComparedByDigestWithMessageDigestIsEqualAndNeverShown() throws Exception {
        BearerToken t = BearerToken.of(TOKEN);
        assertThat(t.matches(TOKEN)).isTrue();
        assertThat(t.matches(TOKEN.substring(0, TOKEN.length() - 1))).isFalse();
        assertThat(t.matches(TOKEN + "0")).isFalse();
        assertThat(t.matches("")).isFalse();
        assertThat(t.toString()).doesNotContain(TOKEN).doesNotContain("s3cr3t");
        String source = Files.readString(Path.of("src/main/java/io/seglift/serve/BearerToken.java"));
        assertThat(source).as("constant-time comparison").contains("MessageDigest.isEqual(digest, sha256(presented))")
                .doesNotContain(".equals(").doesNotContain("Arrays.equals");
    }

    @Test
    void aShortOrUnsendableTokenIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> BearerToken.of("short-secret"))
                .hasMessageContaining("shorter than 16 characters").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> BearerToken.of("has a space in the middle"))
                .hasMessageContaining("RFC 6750").hasMessageNotContaining("space in the middle");
        assertThat(BearerToken.of("abc_DEF-123.~+/xyz==")).isNotNull();
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedBeforeAnythingIsBound() throws Exception {
        // Only settings are built here: nothing listens on these addresses.
        for (String address : new String[]{"0.0.0.0", "::", "10.1.2.3", "[2001:db8::1]"}) {
            InetAddress a = BindAddress.parse(address);
            assertThat(HttpSettings.requiresToken(a)).as(address).isTrue();
            assertThatThrownBy(() -> HttpSettings.local(0).withAccess(a, Optional.empty(), false)).as(address)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address")
                    .hasMessageContaining("requires a bearer token");
            assertThat(HttpSettings.local(0).withAccess(a, Optional.of(BearerToken.of(TOKEN)), false).bind()).isEqualTo(a);
        }
        for (String address : new String[]{"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"}) {
            assertThat(HttpSettings.requiresToken(BindAddress.parse(address))).as(address).isFalse();
        }
    }

    @Test
    void aBindAddressMustBeAnIpLiteralNeverAHostName() {
        for (String text : new String[]{"example.com", "256.1.1.1", "1.2.3", "0.0.0.0.0", "", "::g"}) {
            assertThatThrownBy(() -> BindAddress.parse(text)).as(text).hasMessageContaining("is not an IP address")
                    .hasMessageContaining("0.0.0.0");
        }
        assertThat(BindAddress.authority(BindAddress.parse("::"), 8642)).isEqualTo("[0:0:0:0:0:0:0:0]:8642");
        assertThat(BindAddress.authority(BindAddress.parse("0.0.0.0"), 8642)).isEqualTo("0.0.0.0:8642");
    }

    @Test
    void beyondLoopbackAnyHostIsAnsweredAndAnOriginMustBeThatHost() throws Exception {
        HttpSettings wide = HttpSettings.local(8642)
                .withAccess(BindAddress.parse("0.0.0.0"), Optional.of(BearerToken.of(TOKEN)), false);
        RequestGuard guard = new RequestGuard(wide, 8642); // checked without binding the address
        assertThat(guard.check(headers("Host", "seglift.internal:9000"))).isEmpty();
        assertThat(guard.check(headers("Host", "seglift.internal:9000", "Origin", "http://seglift.internal:9000"))).isEmpty();
        assertThat(guard.check(headers("Host", "seglift.internal:9000", "Origin", "http://evil.example")))
                .map(HttpError::status).contains(403);
        RequestGuard local = new RequestGuard(HttpSettings.local(8642), 8642);
        assertThat(local.check(headers("Host", "seglift.internal:9000"))).map(HttpError::status).contains(421);
    }

    private static Headers headers(String... namesAndValues) {
        Headers h = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) h.add(namesAndValues[i], namesAndValues[i + 1]);
        return h;
    }

    @Test
    void aRequestWithoutExactlyOneHostOrWithAMalformedLengthIsABadRequest() throws Exception {
        try (SyncServer s = server(false)) {
            assertThat(raw(s, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400")
                    .contains("exactly one Host header").contains("\"status\":400}");
            assertThat(request(s, "GET", "/health", "Host: 127.0.0.1:" + s.port(), "Host: localhost:" + s.port()))
                    .startsWith("HTTP/1.1 400");
            // The JDK's server refuses a length that is not one number itself, before any handler (its body is HTML).
            assertThat(post(s, "/syncs/a/trigger", AUTH, "Content-Length: ten")).startsWith("HTTP/1.1 400");
            assertThat(post(s, "/syncs/a/trigger", AUTH, "Content-Length: 0", "Content-Length: 5")).startsWith("HTTP/1.1 400");
            assertThat(raw(s, "POST /syncs/a/trigger HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nContent-Type: application/json\r\n"
                    + AUTH + "\r\nContent-Length: 8193\r\n\r\n" + "x".repeat(8193))).startsWith("HTTP/1.1 413")
                    .contains("Connection: close").contains("larger than 8192 bytes");
            String badChunk = "POST /syncs/a/trigger HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nContent-Type: application/json\r\n"
                    + AUTH + "\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n";
            assertThat(raw(s, badChunk)).startsWith("HTTP/1.1 400").contains("\"status\":400}");
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void headIsAnsweredWhereGetIsWithHeadersAndNoBody() throws Exception {
        try (SyncServer s = server(false)) {
            String health = request(s, "HEAD", "/health");
            assertThat(health).startsWith("HTTP/1.1 200").contains("Content-length: 3").endsWith("\r\n\r\n");
            assertThat(request(s, "HEAD", "/runs")).startsWith("HTTP/1.1 401").endsWith("\r\n\r\n");
            assertThat(request(s, "HEAD", "/runs", AUTH)).startsWith("HTTP/1.1 200").doesNotContain("r1");
            String headTrigger = request(s, "HEAD", "/syncs/a/trigger");
            assertThat(headTrigger).startsWith("HTTP/1.1 405").contains("Allow: POST");
            assertThat(request(s, "DELETE", "/metrics")).startsWith("HTTP/1.1 405").contains("Allow: GET, HEAD")
                    .endsWith("{\"error\":\"DELETE is not allowed here; use GET, HEAD\",\"status\":405}");
            assertThat(request(s, "HEAD", "/nope")).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void theTokenNeverAppearsInTheLogOrInAnswers() throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        StringBuilder answers = new StringBuilder();
        try (SyncServer s = server(true)) {
            answers.append(request(s, "GET", "/runs", "Authorization: Bearer " + TOKEN + "-wrong"));
            answers.append(request(s, "GET", "/metrics", AUTH));
            answers.append(post(s, "/syncs/a/trigger", AUTH));
        } finally {
            System.setErr(oldErr);
        }
        assertThat(answers.toString() + err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }
}
