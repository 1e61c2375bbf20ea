/**
 * The engine's read API over its run history, for measurement and reports: activation per segment, health per sync
 * and the keys a segment's syncs ever added. Readers get records and SQL from here instead of reading the engine's
 * tables and status codes themselves.
 */
package io.seglift.sync.history;
