package io.seglift.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON body of an alert: {@code type} (the kind's code), {@code id}, {@code project}, {@code occurred_at},
 * {@code sync}, {@code segment}, {@code run_id} (null when not concerned), {@code text} (Slack-compatible: a Slack
 * incoming webhook shows it as is) and {@code details}. Every text value goes through {@link PiiRedactor}.
 */
final class AlertMessage {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertMessage() {
    }

    static byte[] body(String project, Alert a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", a.kind().code());
        n.put("id", a.id());
        n.put("project", project);
        n.put("occurred_at", a.occurredAt().toString());
        n.put("sync", a.sync());
        n.put("segment", a.segment());
        n.put("run_id", a.runId());
        n.put("text", PiiRedactor.redact(a.text()));
        ObjectNode details = n.putObject("details");
        for (Map.Entry<String, Object> e : a.details().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number num && !(v instanceof Double || v instanceof Float)) details.put(e.getKey(), num.longValue());
            else if (v instanceof Number num) details.put(e.getKey(), num.doubleValue());
            else if (v instanceof Boolean b) details.put(e.getKey(), b);
            else details.put(e.getKey(), v == null ? null : PiiRedactor.redact(v.toString()));
        }
        try {
            return MAPPER.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alert message", e);
        }
    }
}
