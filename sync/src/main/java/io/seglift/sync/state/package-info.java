/**
 * The sync module's tables (migration {@code 0300-sync-tables}) and the per-batch commit that keeps
 * {@code sync_state}, {@code sync_results} and the run counters consistent in one warehouse transaction.
 */
package io.seglift.sync.state;
