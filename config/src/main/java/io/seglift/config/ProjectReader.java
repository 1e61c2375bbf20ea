package io.seglift.config;

import io.seglift.config.read.AlertsReader;
import io.seglift.config.read.DestinationsReader;
import io.seglift.config.read.Keys;
import io.seglift.config.read.Problems;
import io.seglift.config.read.ReadContext;
import io.seglift.config.read.References;
import io.seglift.config.read.ScoringReader;
import io.seglift.config.read.SegmentsReader;
import io.seglift.config.read.SourcesReader;
import io.seglift.config.read.SyncsReader;
import io.seglift.config.read.WarehouseReader;
import io.seglift.config.read.YamlMap;
import io.seglift.config.read.YamlValue;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.Warehouses;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one project file: composes the YAML into nodes (keeping every value's line and column), then reads each
 * section, collecting every problem. The config is built only when there are none.
 */
final class ProjectReader {
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path file;
    private final Warehouses warehouses;
    private final Destinations destinations;
    private final Problems problems;
    private final ReadContext ctx;

    ProjectReader(Path file, Warehouses warehouses, Destinations destinations, Map<String, String> env) {
        this.file = file;
        this.warehouses = warehouses;
        this.destinations = destinations;
        this.problems = new Problems(file);
        Path dir = file.toAbsolutePath().getParent();
        this.ctx = new ReadContext(problems, new References(env, dir == null ? Path.of(".").toAbsolutePath() : dir));
    }

    ProjectLoader.Result read() {
        Optional<Node> root = compose();
        Optional<ProjectConfig> config = root.flatMap(r -> YamlValue.root(r, ctx).map()).flatMap(this::project);
        return new ProjectLoader.Result(problems.isEmpty() ? config : Optional.empty(), problems.errors(),
                problems.warnings(), ctx.deferred().errors());
    }

    private Optional<Node> compose() {
        if (!Files.isRegularFile(file)) {
            problems.error(0, 0, "", "no project file at " + file.toAbsolutePath());
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file.getFileName().toString()).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<Node> node = new Compose(settings).composeReader(in);
            if (node.isEmpty()) problems.error(0, 0, "", "the file is empty (see docs/project-file.md)");
            return node;
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            problems.error(mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0), "",
                    "not valid YAML: " + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem());
        } catch (YamlEngineException e) {
            problems.error(0, 0, "", "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            problems.error(0, 0, "", "cannot read the file: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<ProjectConfig> project(YamlMap top) {
        top.allow(Keys.TOP);
        Optional<String> name = top.required("project").flatMap(YamlValue::nonBlank).flatMap(n -> {
            if (PROJECT_NAME.matcher(n).matches()) return Optional.of(n);
            top.get("project").get().error("'" + n + "' is not a project name (allowed: letters, digits, _ and -, "
                    + "starting with a letter or digit; at most 64 characters)");
            return Optional.empty();
        });
        var warehouse = top.required("warehouse").flatMap(YamlValue::map)
                .flatMap(m -> WarehouseReader.read(m, warehouses));
        Optional<YamlMap> sourcesMap = top.required("sources").flatMap(YamlValue::map);
        var sources = sourcesMap.flatMap(SourcesReader::read);
        boolean hasEvents = sourcesMap.map(m -> m.has("events")).orElse(false);
        boolean hasOrders = sourcesMap.map(m -> m.has("orders")).orElse(true);
        var scoring = top.get("scoring").map(v -> v.map().flatMap(m -> ScoringReader.read(m, hasEvents, hasOrders)))
                .orElse(Optional.of(ScoringReader.defaults()));

        Optional<YamlMap> destinationsMap = top.get("destinations").flatMap(YamlValue::map);
        Set<String> destinationNames = names(destinationsMap);
        var dests = destinationsMap.map(m -> DestinationsReader.read(m, destinations)).orElse(Optional.of(Map.of()));

        Optional<YamlMap> segmentsMap = top.get("segments").flatMap(YamlValue::map);
        Set<String> segmentNames = names(segmentsMap);
        var segments = segmentsMap.map(m -> SegmentsReader.read(m, destinationNames)).orElse(Optional.of(Map.of()));

        Map<String, DestinationConfig> readBlocks = dests.orElse(Map.of());
        var syncs = top.get("syncs").map(v -> v.list().flatMap(l -> SyncsReader.read(l, segmentNames,
                destinationNames, readBlocks, destinations))).orElse(Optional.of(List.of()));

        var alerts = top.get("alerts").map(v -> v.map().flatMap(AlertsReader::read)).orElse(Optional.of(AlertsConfig.NONE));

        if (name.isEmpty() || warehouse.isEmpty() || sources.isEmpty() || scoring.isEmpty() || dests.isEmpty()
                || segments.isEmpty() || syncs.isEmpty() || alerts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProjectConfig(name.get(), file, warehouse.get(), sources.get(), scoring.get(),
                segments.get(), dests.get(), syncs.get(), ctx.sql().stream()
                .sorted(java.util.Comparator.comparingInt(SqlFragment::line).thenComparingInt(SqlFragment::column))
                .toList(), alerts.get()));
    }

    private static Set<String> names(Optional<YamlMap> m) {
        return m.map(x -> (Set<String>) new java.util.LinkedHashSet<>(x.entries().keySet())).orElseGet(HashSet::new);
    }
}
