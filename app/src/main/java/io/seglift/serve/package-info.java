/**
 * {@code seglift serve}: runs the project's syncs on their cron schedules (cron-utils, UNIX 5-field syntax), one at a
 * time, and serves on localhost {@code /health}, Prometheus {@code /metrics}, {@code /runs} and
 * {@code POST /syncs/{name}/trigger}. Shutdown lets the run in progress finish its batch in flight.
 */
package io.seglift.serve;
