package io.seglift.spi.warehouse;

/** A column of a table as the warehouse reports it: name and the engine's type name. */
public record Column(String name, String typeName) {
}
