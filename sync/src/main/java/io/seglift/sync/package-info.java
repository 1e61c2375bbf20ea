/**
 * The sync engine: {@link io.seglift.sync.SyncEngine} sends a segment's changes to a destination within its rate
 * limits, excluding holdout, suppressed and non-consenting members, and records every member's outcome. Subpackages:
 * planning in SQL ({@code plan}), tables and the per-batch commit ({@code state}), run history ({@code runs}),
 * resilience ({@code resilience}), cross-process locks ({@code lock}) and the scheduler/HTTP server ({@code serve}).
 */
package io.seglift.sync;
