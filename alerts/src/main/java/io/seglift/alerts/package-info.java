/**
 * Alerts for the people who schedule syncs: when a sync fails, a run rejects too many rows, a segment's membership
 * changes more than the stability threshold or its lift verdict changes, {@link io.seglift.alerts.Alerter} posts a
 * JSON message with a Slack-compatible {@code text} field to the project's webhook, signed the Standard Webhooks way
 * ({@link io.seglift.toolkit.http.StandardWebhookSignature}), retried with backoff within a bound ({@link
 * io.seglift.alerts.WebhookDelivery}), free of emails and phone numbers ({@link io.seglift.alerts.PiiRedactor}), and
 * records each delivery in {@code alert_deliveries}. The module knows no engine, measurement or CLI: the app reports
 * what happened in plain values.
 */
package io.seglift.alerts;
