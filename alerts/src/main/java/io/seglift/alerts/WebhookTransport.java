package io.seglift.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Posts one message and returns the receiver's answer; an {@link IOException} when no answer came. */
@FunctionalInterface
public interface WebhookTransport {

    /** The status and the {@code Retry-After} header, if any. */
    record Answer(int status, Optional<String> retryAfter) {
    }

    Answer post(URI url, Map<String, String> headers, byte[] body) throws IOException, InterruptedException;

    /** The JDK's client: no redirects (a signed message goes only where configured), 10 s per attempt. */
    static WebhookTransport jdk() {
        Duration timeout = Duration.ofSeconds(10);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return (url, headers, body) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "seglift-alerts")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(r.statusCode(), r.headers().firstValue("Retry-After"));
        };
    }
}
