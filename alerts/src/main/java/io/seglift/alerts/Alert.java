package io.seglift.alerts;

import io.seglift.config.AlertKind;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event worth telling ops about, before it is written as a message.
 *
 * @param id         unique per alert; the {@code webhook-id} header and {@code alert_deliveries.alert_id}
 * @param kind       what happened
 * @param sync       the sync concerned, or null
 * @param segment    the segment concerned, or null
 * @param runId      the sync run concerned, or null
 * @param text       one line a person reads (Slack's {@code text}); free text in it is redacted before sending
 * @param details    machine-readable facts (numbers, codes, dates)
 * @param occurredAt when it was noticed
 */
public record Alert(String id, AlertKind kind, String sync, String segment, String runId, String text,
                    Map<String, Object> details, Instant occurredAt) {
    public Alert {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
