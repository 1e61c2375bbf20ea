/**
 * The JSON Schema (draft 2020-12) of the project file, for editors: built from the same key lists the reader checks
 * ({@link io.seglift.config.read.Keys}) and from each connector factory's {@link io.seglift.spi.settings.ConfigSpec}.
 */
package io.seglift.config.schema;
