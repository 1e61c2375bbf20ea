/**
 * Internals of the project-file reader: YAML nodes with their positions ({@link io.seglift.config.read.YamlMap},
 * {@link io.seglift.config.read.YamlValue}), the problem collector, secret and reference resolution, did-you-mean
 * suggestions, and one reader per top-level section. Used by {@link io.seglift.config.ProjectLoader}.
 */
package io.seglift.config.read;
