/**
 * Warehouses and their SQL dialects. Every SQL generator in Seglift builds its text through a {@link
 * io.seglift.spi.warehouse.Dialect}; every identifier that comes from the project file passes through {@link
 * io.seglift.spi.warehouse.Identifiers} before it is quoted. Reads stream ({@link
 * io.seglift.spi.warehouse.Warehouse#query}); bulk writes use the engine's fast path ({@link
 * io.seglift.spi.warehouse.BulkWriter}). Seglift's own tables are created by versioned {@link
 * io.seglift.spi.warehouse.Migration}s that each module registers for itself.
 */
package io.seglift.spi.warehouse;
