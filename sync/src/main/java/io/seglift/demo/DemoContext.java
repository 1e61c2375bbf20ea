package io.seglift.demo;

import io.seglift.config.ProjectConfig;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * What demo stages share: the demo folder, how to load its project and open its warehouse (both lazily, once), the
 * clock and progress. Closing it closes the warehouse.
 */
public final class DemoContext implements AutoCloseable {
    private final Path dir;
    private final DemoSpec spec;
    private final Warehouses warehouses;
    private final Clock clock;
    private final Progress progress;
    private final Function<Path, ProjectConfig> projectLoader;
    private final Function<ProjectConfig, Warehouse> warehouseOpener;
    private ProjectConfig project;
    private Warehouse warehouse;

    /**
     * @param dir             the demo folder
     * @param spec            what to generate when the folder has no project yet
     * @param projectLoader   reads and validates a project file
     * @param warehouseOpener opens a project's warehouse with Seglift's schema migrated
     */
    public DemoContext(Path dir, DemoSpec spec, Warehouses warehouses, Clock clock, Progress progress,
                       Function<Path, ProjectConfig> projectLoader, Function<ProjectConfig, Warehouse> warehouseOpener) {
        this.dir = dir;
        this.spec = spec;
        this.warehouses = warehouses;
        this.clock = clock;
        this.progress = progress;
        this.projectLoader = projectLoader;
        this.warehouseOpener = warehouseOpener;
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

    /** The demo project, loaded on first use. */
    public ProjectConfig project() {
        if (project == null) project = projectLoader.apply(projectFile());
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
