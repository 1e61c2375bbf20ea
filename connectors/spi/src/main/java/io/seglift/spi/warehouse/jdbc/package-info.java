/** A JDBC base for warehouses: streaming reads, transactions, parameter binding and metadata, shared by every JDBC engine. */
package io.seglift.spi.warehouse.jdbc;
