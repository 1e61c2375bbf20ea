/**
 * {@code seglift serve}: runs the project's syncs on their cron schedules (cron-utils, UNIX 5-field syntax), one at a
 * time, and serves on localhost {@code GET /health}, {@code GET /metrics} (Micrometer's Prometheus registry),
 * {@code GET /runs} and {@code POST /syncs/{name}/trigger}, to local clients only ({@code RequestGuard}).
 * Shutdown lets the run in progress finish its batch in flight.
 */
package io.seglift.serve;
