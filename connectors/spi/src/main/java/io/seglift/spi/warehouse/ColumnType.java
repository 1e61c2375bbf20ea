package io.seglift.spi.warehouse;

/** Portable column types for Seglift's own tables; each {@link Dialect} maps them to the engine's names. */
public enum ColumnType { TEXT, BIGINT, INTEGER, DOUBLE, BOOLEAN, DATE, TIMESTAMP, JSON }
