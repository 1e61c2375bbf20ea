/** DuckDB, the embedded default warehouse: a single file, no server, columnar and fast on one machine. */
package io.seglift.warehouse.duckdb;
