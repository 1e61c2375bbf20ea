/** Run history: one row per sync run in {@code sync_runs}, one row per member outcome in {@code sync_results}. */
package io.seglift.sync.runs;
