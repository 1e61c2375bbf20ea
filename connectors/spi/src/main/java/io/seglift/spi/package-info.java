/**
 * The service-provider interfaces every other Seglift module builds on: {@link io.seglift.spi.warehouse warehouses and
 * their SQL dialects}, {@link io.seglift.spi.destination destinations}, {@link io.seglift.spi.settings typed settings
 * with secrets}, and {@link io.seglift.spi.progress progress reporting}. Implementations are found with
 * {@link java.util.ServiceLoader}; nothing in Seglift keeps a central registry.
 */
package io.seglift.spi;
