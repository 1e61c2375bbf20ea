/**
 * Data files for {@code seglift load}: every warehouse reads CSV and Parquet through an in-memory DuckDB, which infers
 * the column types, so the file formats Seglift accepts and how they are read are defined once.
 */
package io.seglift.toolkit.files;
