package io.seglift.warehouse.bigquery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A BigQuery REST API stand-in on 127.0.0.1, speaking the JSON of the v2 reference
 * (https://cloud.google.com/bigquery/docs/reference/rest): answers are queued per request in order, and every request
 * the client really sends is recorded (method, path with query, body).
 */
final class BigQueryStub implements AutoCloseable {
    record Request(String method, String uri, String body) {
    }

    private record Answer(String pathPart, int status, String json) {
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Answer> always = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();

    BigQueryStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            java.io.InputStream in = ex.getRequestBody();
            if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new java.util.zip.GZIPInputStream(in);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String uri = ex.getRequestURI().toString();
            Answer a;
            synchronized (this) {
                requests.add(new Request(ex.getRequestMethod(), uri, body));
                a = answers.peek() != null && uri.contains(answers.peek().pathPart) ? answers.poll() : null;
                if (a == null) {
                    a = always.stream().filter(x -> uri.contains(x.pathPart)).findFirst().orElse(answers.poll());
                }
            }
            if (a == null || !uri.contains(a.pathPart)) {
                a = new Answer("", 500, error(500, "backendError", "stub: unexpected " + ex.getRequestMethod() + " "
                        + uri + (a == null ? "" : " (expected " + a.pathPart + ")")));
                answers.clear();
            }
            byte[] out = a.json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(a.status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized BigQueryStub answer(String pathPart, int status, String json) {
        answers.add(new Answer(pathPart, status, json));
        return this;
    }

    /** An answer given to every request whose path contains {@code pathPart} when no queued answer fits. */
    synchronized BigQueryStub always(String pathPart, int status, String json) {
        always.add(new Answer(pathPart, status, json));
        return this;
    }

    static String error(int code, String reason, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{\"reason\":\"" + reason
                + "\",\"message\":\"" + message + "\",\"domain\":\"global\"}],\"status\":\"X\"}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
