/**
 * PostgreSQL as a warehouse: its dialect, bulk writes through {@code COPY ... FROM STDIN} streamed in bounded chunks,
 * and CSV/Parquet loading with types inferred by an in-memory DuckDB.
 */
package io.seglift.warehouse.postgres;
