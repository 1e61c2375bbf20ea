/**
 * The warehouse conformance kit: {@link io.seglift.testkit.warehouse.WarehouseConformanceTest}, which every warehouse
 * module extends, checks the SPI contract against the real engine (migrations, bulk writes, upsert, atomic replace,
 * identifier case policy, date arithmetic, the holdout bucket, read-only user SQL). See docs/warehouse-conformance.md.
 */
package io.seglift.testkit.warehouse;
