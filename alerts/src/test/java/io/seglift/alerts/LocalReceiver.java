package io.seglift.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * A webhook receiver on 127.0.0.1 that checks each request as a Standard Webhooks consumer would
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#verifying-webhook-authenticity):
 * HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body} with the shared secret, compared in constant time with
 * the {@code v1,} signature. It answers the queued statuses first, then 204. Written apart from {@link
 * io.seglift.toolkit.http.StandardWebhookSignature} so a mistake there cannot verify itself.
 */
public final class LocalReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(JsonNode json, String body, String id, long timestamp, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final byte[] key;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    public LocalReceiver(String secret) throws IOException {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            int status;
            synchronized (this) {
                status = statuses.isEmpty() ? 204 : statuses.poll();
                received.add(new Received(new ObjectMapper().readTree(body), new String(body, StandardCharsets.UTF_8),
                        id, ts == null ? -1 : Long.parseLong(ts), verify(id, ts, body, sig), status));
            }
            if (status == 429) ex.getResponseHeaders().add("Retry-After", "3");
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    private boolean verify(String id, String ts, byte[] body, String header) {
        if (id == null || ts == null || header == null) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + ts + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            for (String part : header.split(" ")) {
                if (part.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Answers these statuses to the next requests, in order. */
    public synchronized LocalReceiver answer(Integer... codes) {
        statuses.addAll(List.of(codes));
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
