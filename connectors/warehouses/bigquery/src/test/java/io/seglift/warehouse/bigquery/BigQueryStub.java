package io.seglift.warehouse.bigquery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigQuery REST API stand-in on 127.0.0.1, speaking the JSON of the v2 reference
 * (https://cloud.google.com/bigquery/docs/reference/rest): answers are queued per request in order, and every request
 * the client really sends is recorded (method, path with query, body).
 *
 * <p>One engine rule is kept whatever is queued: rows streamed with {@code tabledata.insertAll} sit in the streaming
 * buffer, and UPDATE, DELETE, MERGE and TRUNCATE over such a table are refused with BigQuery's own error
 * (https://cloud.google.com/bigquery/docs/data-manipulation-language#limitations; the message as listed in
 * https://cloud.google.com/bigquery/docs/troubleshooting-errors).
 */
final class BigQueryStub implements AutoCloseable {
    record Request(String method, String uri, String body) {
    }

    private record Answer(String pathPart, int status, String json, Map<String, String> headers) {
        Answer(String pathPart, int status, String json) {
            this(pathPart, status, json, Map.of());
        }
    }

    private static final Pattern STREAMED_TABLE = Pattern.compile("/datasets/([^/]+)/tables/([^/]+)/insertAll");
    private static final Pattern MUTATING_DML = Pattern.compile(
            "\"query\":\"\\s*(UPDATE|DELETE|MERGE|TRUNCATE)\\b[^\"]*", Pattern.CASE_INSENSITIVE);
    private final Set<String> streamed = new LinkedHashSet<>();

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
                Matcher insertAll = STREAMED_TABLE.matcher(uri);
                if (insertAll.find()) {
                    streamed.add(insertAll.group(1) + "." + insertAll.group(2));
                }
                Optional<String> buffered = streamingBufferConflict(body);
                if (buffered.isPresent()) {
                    reply(ex, new Answer("", 400, error(400, "invalidQuery", "UPDATE or DELETE statement over table "
                            + "p1." + buffered.get() + " would affect rows in the streaming buffer, which is not supported")));
                    return;
                }
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
            reply(ex, a);
        });
        server.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, Answer a) throws IOException {
        byte[] out = a.json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        a.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(a.status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    /** The streamed table a mutating DML statement in {@code body} names, if any. */
    private Optional<String> streamingBufferConflict(String body) {
        Matcher dml = MUTATING_DML.matcher(body);
        if (!dml.find()) {
            return Optional.empty();
        }
        String sql = dml.group().replace("`", "");
        return streamed.stream().filter(t -> sql.contains(t)).findFirst();
    }

    /** Like {@link #answer(String, int, String)} with response headers (e.g. {@code Location} of an upload session). */
    synchronized BigQueryStub answer(String pathPart, int status, String json, Map<String, String> headers) {
        answers.add(new Answer(pathPart, status, json, headers));
        return this;
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
