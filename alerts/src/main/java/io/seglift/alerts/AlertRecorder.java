package io.seglift.alerts;

import io.seglift.config.AlertKind;

import java.time.Instant;
import java.util.Optional;

/**
 * Where alerts keep what they need between runs: each delivery, and what was last seen per segment and kind.
 * {@link WarehouseAlertRecorder} keeps them in the warehouse; tests may keep them in memory.
 */
public interface AlertRecorder {
    void delivered(DeliveryRecord record);

    /** The value last remembered for {@code segment} and {@code kind}. */
    Optional<String> lastSeen(String segment, AlertKind kind);

    void remember(String segment, AlertKind kind, String value, Instant at);
}
