/**
 * The project file ({@code seglift.yaml}) as immutable records: the warehouse, the sources, scoring, segments with
 * their activation briefs, destinations and syncs. {@link io.seglift.config.ProjectLoader} reads and validates a file,
 * reporting every problem with file, line, column and YAML path.
 */
package io.seglift.config;
