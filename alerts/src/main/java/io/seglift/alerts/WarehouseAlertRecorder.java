package io.seglift.alerts;

import io.seglift.config.AlertKind;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps deliveries in {@code alert_deliveries} and what was last seen in {@code alert_state}. */
public final class WarehouseAlertRecorder implements AlertRecorder {
    private final Warehouse w;

    public WarehouseAlertRecorder(Warehouse warehouse) {
        this.w = warehouse;
    }

    @Override
    public void delivered(DeliveryRecord r) {
        w.execute("INSERT INTO " + w.dialect().table(w.own(AlertTables.DELIVERIES)) + " (alert_id, kind, sync_name, "
                        + "segment, run_id, attempts, http_status, status, error, created_at, finished_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.alertId(), r.kind().code(), r.sync(), r.segment(),
                r.runId(), (long) r.attempts(), r.httpStatus() == null ? null : (long) r.httpStatus(), r.status(),
                r.error(), r.createdAt(), r.finishedAt());
    }

    @Override
    public Optional<String> lastSeen(String segment, AlertKind kind) {
        return w.queryOne("SELECT seen_value FROM " + w.dialect().table(w.own(AlertTables.STATE))
                + " WHERE segment = ? AND kind = ?", List.of(segment, kind.code()), r -> r.string("seen_value"));
    }

    @Override
    public void remember(String segment, AlertKind kind, String value, Instant at) {
        Dialect d = w.dialect();
        String text = d.type(ColumnType.TEXT);
        for (String sql : d.upsert(w.own(AlertTables.STATE), List.of("segment", "kind"), List.of("seen_value", "updated_at"),
                "SELECT CAST(? AS " + text + "), CAST(? AS " + text + "), CAST(? AS " + text + "), CAST(? AS "
                        + d.type(ColumnType.TIMESTAMP) + ")")) {
            w.execute(sql, segment, kind.code(), value, at);
        }
    }
}
