/**
 * What JDBC warehouses share and should not write again: a base {@code Warehouse} with streaming reads, transactions,
 * parameter binding and metadata; the migrator that brings Seglift's schema up to date; the {@code ON CONFLICT}
 * upsert of engines that have it.
 */
package io.seglift.toolkit.jdbc;
