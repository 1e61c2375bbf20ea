/**
 * {@code seglift serve}: runs the project's syncs on their cron schedules (cron-utils, UNIX 5-field syntax), one at a
 * time, and serves {@code GET /health}, {@code GET /metrics} (Micrometer's Prometheus registry),
 * {@code GET /runs} and {@code POST /syncs/{name}/trigger}: on localhost to local clients only ({@code RequestGuard}),
 * or on another address to clients holding the bearer token ({@code BearerToken}).
 * Shutdown lets the run in progress finish its batch in flight.
 */
package io.seglift.serve;
