package io.seglift.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated project file.
 *
 * @param project      project name, used in audience names and reports
 * @param file         the file it was read from
 * @param warehouse    where the data and Seglift's tables live
 * @param sources      customers, orders, optional events and suppressions
 * @param scoring      audit thresholds, RFM settings and propensity models
 * @param segments     segments by name, in file order
 * @param destinations destinations by name, in file order
 * @param syncs        syncs, in file order
 * @param sqlFragments every piece of SQL the file holds, in file order, each with its line and YAML path
 * @param alerts       where alerts go and when ({@link AlertsConfig#NONE} without an {@code alerts:} block)
 */
public record ProjectConfig(String project, Path file, WarehouseConfig warehouse, SourcesConfig sources,
                            ScoringConfig scoring, Map<String, SegmentConfig> segments,
                            Map<String, DestinationConfig> destinations, List<SyncConfig> syncs,
                            List<SqlFragment> sqlFragments, AlertsConfig alerts) {

    public ProjectConfig {
        java.util.Objects.requireNonNull(alerts, "alerts");
        segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
        destinations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(destinations));
        syncs = List.copyOf(syncs);
        sqlFragments = List.copyOf(sqlFragments);
    }

    /** A config without alerts. */
    public ProjectConfig(String project, Path file, WarehouseConfig warehouse, SourcesConfig sources,
                         ScoringConfig scoring, Map<String, SegmentConfig> segments,
                         Map<String, DestinationConfig> destinations, List<SyncConfig> syncs,
                         List<SqlFragment> sqlFragments) {
        this(project, file, warehouse, sources, scoring, segments, destinations, syncs, sqlFragments, AlertsConfig.NONE);
    }

    /** A config built in code, with no positions for its SQL. */
    public ProjectConfig(String project, Path file, WarehouseConfig warehouse, SourcesConfig sources,
                         ScoringConfig scoring, Map<String, SegmentConfig> segments,
                         Map<String, DestinationConfig> destinations, List<SyncConfig> syncs) {
        this(project, file, warehouse, sources, scoring, segments, destinations, syncs, List.of());
    }

    /** The folder holding the project file; relative paths in the file resolve against it. */
    public Path projectDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public Optional<SegmentConfig> segment(String name) {
        return Optional.ofNullable(segments.get(name));
    }

    public Optional<DestinationConfig> destination(String name) {
        return Optional.ofNullable(destinations.get(name));
    }

    public Optional<SyncConfig> sync(String name) {
        return syncs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Syncs that send the given segment. */
    public List<SyncConfig> syncsOf(String segment) {
        return syncs.stream().filter(s -> s.segment().equals(segment)).toList();
    }
}
