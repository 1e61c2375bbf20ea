package io.seglift.warehouse.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A loopback stand-in for Snowflake's REST endpoints as snowflake-jdbc uses them: {@code POST
 * /session/v1/login-request}, {@code POST /queries/v1/query-request} (JSON result format) and {@code POST
 * /session?delete=true}. Responses follow the shapes the driver parses (net.snowflake.client SessionUtil,
 * StmtUtil, SFResultSet; https://github.com/snowflakedb/snowflake-jdbc). It records every request, decoded, so tests
 * assert on what the unmodified driver really sends. Bound to 127.0.0.1 only.
 */
final class SnowflakeStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String method, String path, String query, JsonNode body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failNextQueriesWith = new ArrayDeque<>();
    private volatile Function<JsonNode, ObjectNode> queries = body -> ok(ddlData("Statement executed successfully."));
    private volatile ObjectNode loginResponse = loginOk();

    SnowflakeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void onQuery(Function<JsonNode, ObjectNode> responder) {
        this.queries = responder;
    }

    void login(ObjectNode response) {
        this.loginResponse = response;
    }

    /** The next query request is answered with this HTTP status (the driver retries 5xx). */
    void failNextQueryWith(int status) {
        failNextQueriesWith.add(status);
    }

    List<Received> queries() {
        return received.stream().filter(r -> r.path().equals("/queries/v1/query-request")).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            answer(ex);
        } catch (IOException | RuntimeException e) {
            errors.add(e);
            throw e;
        }
    }

    /** Failures inside the stub itself; a test that sees one fails with it rather than with the driver's retry. */
    final List<Exception> errors = new CopyOnWriteArrayList<>();

    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
            if (enc != null && enc.toLowerCase(java.util.Locale.ROOT).contains("gzip") && raw.length > 0) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                    raw = in.readAllBytes();
                }
            }
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            received.add(new Received(ex.getRequestMethod(), path, query, body));
            ObjectNode response;
            if (path.equals("/session/v1/login-request")) {
                response = loginResponse;
            } else if (path.equals("/queries/v1/query-request")) {
                Integer status = failNextQueriesWith.poll();
                if (status != null) {
                    send(ex, status, "{\"message\":\"injected failure\"}");
                    return;
                }
                response = queries.apply(body);
            } else if (path.equals("/session") && query != null && query.contains("delete=true")) {
                response = ok(JSON.nullNode());
            } else {
                send(ex, 404, "{}");
                return;
            }
            send(ex, 200, JSON.writeValueAsString(response));
        }
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
    }

    static ObjectNode ok(JsonNode data) {
        ObjectNode r = JSON.createObjectNode();
        r.set("data", data);
        r.putNull("code");
        r.putNull("message");
        r.put("success", true);
        return r;
    }

    static ObjectNode error(String code, String sqlState, String message) {
        ObjectNode r = JSON.createObjectNode();
        ObjectNode data = r.putObject("data");
        data.put("errorCode", code);
        data.put("sqlState", sqlState);
        data.put("queryId", "01b2-stub-error");
        data.put("internalError", false);
        r.put("code", code);
        r.put("message", message);
        r.put("success", false);
        return r;
    }

    static ObjectNode loginOk() {
        ObjectNode data = JSON.createObjectNode();
        data.put("token", "stub-session-token");
        data.put("masterToken", "stub-master-token");
        data.put("validityInSeconds", 3600);
        data.put("masterValidityInSeconds", 14400);
        data.put("displayUserName", "SEGLIFT");
        data.put("serverVersion", "9.0.0");
        data.put("firstLogin", false);
        data.put("healthCheckInterval", 45);
        data.put("sessionId", 1172562260498L);
        ArrayNode params = data.putArray("parameters");
        params.addObject().put("name", "TIMEZONE").put("value", "UTC");
        params.addObject().put("name", "CLIENT_RESULT_CHUNK_SIZE").put("value", 16);
        params.addObject().put("name", "AUTOCOMMIT").put("value", true);
        params.addObject().put("name", "CLIENT_SESSION_KEEP_ALIVE").put("value", false);
        ObjectNode info = data.putObject("sessionInfo");
        info.put("databaseName", "ANALYTICS");
        info.put("schemaName", "PUBLIC");
        info.put("warehouseName", "SEGLIFT_WH");
        info.put("roleName", "SEGLIFT_ROLE");
        return ok(data);
    }

    /** A result: {@code columns} as [name, type] (Snowflake type names: fixed, real, text, boolean, date...). */
    static ObjectNode resultData(int statementType, List<String[]> columns, List<List<String>> rows) {
        ObjectNode data = JSON.createObjectNode();
        data.putArray("parameters");
        ArrayNode rowtype = data.putArray("rowtype");
        for (String[] c : columns) {
            ObjectNode col = rowtype.addObject();
            col.put("name", c[0]);
            col.put("database", "ANALYTICS");
            col.put("schema", "PUBLIC");
            col.put("table", "T");
            col.put("type", c[1]);
            col.put("nullable", true);
            col.put("scale", c[1].equals("fixed") ? 0 : 9);
            col.put("precision", c[1].equals("fixed") ? 38 : 0);
            col.put("length", c[1].equals("text") ? 16777216 : 0);
            col.put("byteLength", c[1].equals("text") ? 16777216 : 0);
            col.putNull("collation");
        }
        ArrayNode rowset = data.putArray("rowset");
        for (List<String> row : rows) {
            ArrayNode r = rowset.addArray();
            for (String v : row) {
                if (v == null) r.addNull();
                else r.add(v);
            }
        }
        data.put("total", rows.size());
        data.put("returned", rows.size());
        data.put("queryId", "01b2-stub-" + Math.abs(rows.hashCode()));
        data.put("finalDatabaseName", "ANALYTICS");
        data.put("finalSchemaName", "PUBLIC");
        data.put("finalWarehouseName", "SEGLIFT_WH");
        data.put("finalRoleName", "SEGLIFT_ROLE");
        data.put("numberOfBinds", 0);
        data.put("arrayBindSupported", false);
        data.put("statementTypeId", statementType);
        data.put("version", 1);
        data.put("queryResultFormat", "json");
        return data;
    }

    static ObjectNode ddlData(String status) {
        return resultData(0x6000, List.<String[]>of(new String[]{"status", "text"}), List.of(List.of(status)));
    }

    /** An INSERT's answer; it also tells the driver (on describe) that the statement takes array binds. */
    static ObjectNode insertedData(long rows) {
        ObjectNode data = resultData(0x3100, List.<String[]>of(new String[]{"number of rows inserted", "fixed"}),
                List.of(List.of(Long.toString(rows))));
        data.put("arrayBindSupported", true);
        return data;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
