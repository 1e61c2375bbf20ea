package io.seglift.alerts;

/** The tables alerts keep in Seglift's schema (docs/warehouse-tables.md). */
public final class AlertTables {
    /** One row per alert: kind, sync/segment, attempts, last HTTP status, delivered or failed. */
    public static final String DELIVERIES = "alert_deliveries";
    /** What an alert last saw, per segment and kind (the lift verdict), to tell a change from a repeat. */
    public static final String STATE = "alert_state";

    private AlertTables() {
    }
}
