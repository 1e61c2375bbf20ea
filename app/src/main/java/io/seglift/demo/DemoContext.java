package io.seglift.demo;

import io.seglift.config.ProjectConfig;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What demo stages share: the demo folder, the environment the project file is resolved with, how to load the project
 * and open its warehouse (both lazily, once), the clock and progress. Closing it closes the warehouse.
 */
public final class DemoContext implements AutoCloseable {
    private final Path dir;
    private final DemoSpec spec;
    private final Warehouses warehouses;
    private final Clock clock;
    private final Progress progress;
    private final BiFunction<Path, Map<String, String>, ProjectConfig> projectLoader;
    private final Function<ProjectConfig, Warehouse> warehouseOpener;
    private final Map<String, String> env;
    private ProjectConfig project;
    private Warehouse warehouse;

    /**
     * @param dir             the demo folder
     * @param spec            what to generate when the folder has no project yet
     * @param env             environment for {@code ${env:..}} in the project file; demo defaults fill the gaps
     * @param projectLoader   reads and validates a project file with an environment
     * @param warehouseOpener opens a project's warehouse with Seglift's schema migrated
     */
    public DemoContext(Path dir, DemoSpec spec, Warehouses warehouses, Clock clock, Progress progress,
                       Map<String, String> env, BiFunction<Path, Map<String, String>, ProjectConfig> projectLoader,
                       Function<ProjectConfig, Warehouse> warehouseOpener) {
        this.dir = dir;
        this.spec = spec;
        this.warehouses = warehouses;
        this.clock = clock;
        this.progress = progress;
        this.env = new LinkedHashMap<>(DemoEnvironment.withDefaults(env));
        this.projectLoader = projectLoader;
        this.warehouseOpener = warehouseOpener;
    }

    /**
     * A context whose project loader resolves the environment itself (for callers that already hold a session with the
     * right environment); {@link #setEnv} then only records the value.
     */
    public DemoContext(Path dir, DemoSpec spec, Warehouses warehouses, Clock clock, Progress progress,
                       Function<Path, ProjectConfig> projectLoader, Function<ProjectConfig, Warehouse> warehouseOpener) {
        this(dir, spec, warehouses, clock, progress, Map.of(), (file, env) -> projectLoader.apply(file),
                warehouseOpener);
    }

    public Path dir() { return dir; }

    public DemoSpec spec() { return spec; }

    public Warehouses warehouses() { return warehouses; }

    public Clock clock() { return clock; }

    public Progress progress() { return progress; }

    public Path projectFile() {
        return dir.resolve(DemoProject.FILE_NAME);
    }

    public Path database() {
        return dir.resolve(DemoProject.DATABASE_NAME);
    }

    /** The environment the project file is resolved with. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /**
     * Sets an environment variable for the project file, e.g. a sandbox's base URL once it listens; the project is
     * read again on next use (the open warehouse stays).
     */
    public void setEnv(String name, String value) {
        env.put(name, value);
        project = null;
    }

    /** The demo project, loaded on first use. */
    public ProjectConfig project() {
        if (project == null) project = projectLoader.apply(projectFile(), Map.copyOf(env));
        return project;
    }

    /** The demo warehouse, opened on first use. */
    public Warehouse warehouse() {
        if (warehouse == null) warehouse = warehouseOpener.apply(project());
        return warehouse;
    }

    /** The as-of date the data was generated for, from {@code demo_truth.parameters}. */
    public LocalDate asOf() {
        Warehouse w = warehouse();
        return w.queryOne("SELECT value FROM " + w.dialect().table(DemoTables.PARAMETERS) + " WHERE name = ?",
                List.of("as_of"), r -> LocalDate.parse(r.string("value"))).orElse(spec.asOf());
    }

    @Override
    public void close() {
        if (warehouse != null) {
            warehouse.close();
            warehouse = null;
        }
    }
}
