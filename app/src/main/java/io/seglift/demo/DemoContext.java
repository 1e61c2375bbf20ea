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
    private int cycle;
    private LocalDate cycleAsOf;
    private final java.util.Deque<AutoCloseable> resources = new java.util.ArrayDeque<>();

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

    /**
     * Starts campaign cycle {@code index} (0 is the first) whose stages run as of {@code asOf}: {@link #asOf} answers
     * that date from now on.
     */
    public void startCycle(int index, LocalDate asOf) {
        this.cycle = index;
        this.cycleAsOf = asOf;
    }

    /** The campaign cycle being run, 0 for the first. */
    public int cycle() {
        return cycle;
    }

    /** The date the current stages run as of: the cycle's date once a cycle started, else {@link #dataAsOf}. */
    public LocalDate asOf() {
        return cycleAsOf != null ? cycleAsOf : dataAsOf();
    }

    /** The as-of date the data was generated for, from {@code demo_truth.parameters}: the last day of history. */
    public LocalDate dataAsOf() {
        Warehouse w = warehouse();
        return w.queryOne("SELECT value FROM " + w.dialect().table(DemoTables.PARAMETERS) + " WHERE name = ?",
                List.of("as_of"), r -> LocalDate.parse(r.string("value"))).orElse(spec.asOf());
    }

    /** Keeps {@code resource} open for the rest of the demo (e.g. a sandbox used by every cycle); closed by {@link #close}. */
    public void keepOpen(AutoCloseable resource) {
        resources.push(resource);
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("could not close a demo resource: " + e, e);
            }
        }
        if (warehouse != null) {
            warehouse.close();
            warehouse = null;
        }
        if (failure != null) throw failure;
    }
}
