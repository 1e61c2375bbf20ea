package io.seglift.demo;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseFactory;
import io.seglift.spi.warehouse.Warehouses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Creates a demo project in a folder: the DuckDB warehouse {@code demo.duckdb} with generated data, then the project
 * file (written last, so a folder with a project file always has complete data).
 */
public final class DemoInit {
    private final Warehouses warehouses;
    private final Clock clock;

    public DemoInit(Warehouses warehouses, Clock clock) {
        this.warehouses = warehouses;
        this.clock = clock;
    }

    /** What was created. */
    public record Result(Path projectFile, Path database, DemoSummary summary) {
    }

    /** True when {@code dir} already holds a demo project file or database. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(DemoProject.FILE_NAME)) || Files.exists(dir.resolve(DemoProject.DATABASE_NAME));
    }

    /** Creates (or, when files exist, replaces) the demo project in {@code dir}. */
    public Result create(Path dir, DemoSpec spec, Progress progress) {
        WarehouseFactory duckdb = warehouses.find("duckdb")
                .orElseThrow(() -> new IllegalStateException("the duckdb warehouse is not on the class path"));
        Path database = dir.resolve(DemoProject.DATABASE_NAME);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(DemoProject.FILE_NAME));
            Files.deleteIfExists(database);
            Files.deleteIfExists(dir.resolve(DemoProject.DATABASE_NAME + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        Settings settings = new Settings("warehouse", "duckdb", Map.of("path", DemoProject.DATABASE_NAME));
        DemoSummary summary;
        try (Warehouse w = duckdb.open(settings, dir, "seglift")) {
            summary = new DemoGenerator(clock).generate(w, spec, progress);
        }
        DemoEnvironment.write(dir);
        Path projectFile = DemoProject.write(dir, spec);
        return new Result(projectFile, database, summary);
    }
}
