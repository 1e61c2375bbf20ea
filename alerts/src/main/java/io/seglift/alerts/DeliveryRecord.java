package io.seglift.alerts;

import io.seglift.config.AlertKind;

import java.time.Instant;

/**
 * How one alert's delivery ended: a row of {@code alert_deliveries}. No payload, so no personal data.
 *
 * @param attempts   requests made, the first included
 * @param httpStatus the last answer's status, or null when none came (connection refused, timeout)
 * @param delivered  whether the receiver answered 2xx
 * @param error      why it was not delivered ("HTTP 500", "connection failed: ConnectException"), or null
 */
public record DeliveryRecord(String alertId, AlertKind kind, String sync, String segment, String runId, int attempts,
                             Integer httpStatus, boolean delivered, String error, Instant createdAt,
                             Instant finishedAt) {
    public String status() {
        return delivered ? "delivered" : "failed";
    }
}
