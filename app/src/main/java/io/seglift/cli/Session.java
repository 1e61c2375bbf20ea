package io.seglift.cli;

import io.seglift.cli.usersql.UserSql;
import io.seglift.cli.usersql.UserSqlWarehouse;
import io.seglift.config.ConfigException;
import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseFactory;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.spi.time.Sleeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command works with, built once in {@link Main} and passed in: the factories on the class path, the
 * environment, the clock and progress. Commands call {@link #project} and {@link #openWarehouse} rather than building
 * their own.
 */
public final class Session {
    private final Supplier<Warehouses> warehouses;
    private final Supplier<Destinations> destinations;
    private final Map<String, String> env;
    private final Clock clock;
    private final Progress progress;
    private final Sleeper sleeper;

    public Session(Warehouses warehouses, Destinations destinations, Map<String, String> env, Clock clock,
                   Progress progress) {
        this(warehouses, destinations, env, clock, progress, Sleeper.SYSTEM);
    }

    /** @param sleeper every wait of a command outside the engine (waiting for a busy warehouse) */
    public Session(Warehouses warehouses, Destinations destinations, Map<String, String> env, Clock clock,
                   Progress progress, Sleeper sleeper) {
        this(() -> warehouses, () -> destinations, env, clock, progress, sleeper);
    }

    private Session(Supplier<Warehouses> warehouses, Supplier<Destinations> destinations, Map<String, String> env,
                    Clock clock, Progress progress, Sleeper sleeper) {
        this.warehouses = warehouses;
        this.destinations = destinations;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    public static Session production() {
        Clock clock = Clock.systemUTC();
        // Discovered on first use: scanning every jar's services costs a cold start that --help never needs.
        return new Session(once(Warehouses::discover), once(Destinations::discover), System.getenv(), clock,
                TerminalProgress.forStderr(clock), Sleeper.SYSTEM);
    }

    public Warehouses warehouses() { return warehouses.get(); }

    public Destinations destinations() { return destinations.get(); }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }

    public Map<String, String> env() { return env; }

    public Clock clock() { return clock; }

    public Progress progress() { return progress; }

    /** How commands wait outside the engine (a busy warehouse, an alert's retry). */
    public Sleeper sleeper() { return sleeper; }

    public ProjectLoader loader() {
        return new ProjectLoader(warehouses(), destinations(), env);
    }

    /** Loads and validates the project file; invalid files end the command with {@link ExitCode#INVALID}. */
    public ProjectConfig project(GlobalOptions options) {
        Path file = options.projectFile();
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INVALID, "no project file at " + file.toAbsolutePath()
                    + " (pass --project FILE, set SEGLIFT_PROJECT, or create one with: seglift init --demo)");
        }
        try {
            return loader().load(file);
        } catch (ConfigException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage() + "\n(run: seglift validate for details)", e);
        }
    }

    /**
     * Opens the project's warehouse and brings Seglift's schema up to date. The engine's objections to the user's SQL
     * in the project file come back as config errors at that SQL's line ({@link UserSqlWarehouse}). When another process holds an embedded
     * warehouse, waits up to {@value WarehouseWait#ENV} seconds, then ends the command with {@link ExitCode#LOCKED}.
     */
    public Warehouse openWarehouse(ProjectConfig project) {
        return openWarehouse(project, warehouseWait());
    }

    /** How long {@link #openWarehouse} waits for a busy embedded warehouse. */
    WarehouseWait warehouseWait() {
        return WarehouseWait.fromEnv(env, sleeper);
    }

    /** The project's warehouse, opened on its first use: the sync engine takes the sync's lock before that. */
    Warehouse warehouseOnFirstUse(ProjectConfig project) {
        WarehouseWait wait = warehouseWait();
        return new WarehouseOnFirstUse(() -> openWarehouse(project, wait));
    }

    Warehouse openWarehouse(ProjectConfig project, WarehouseWait wait) {
        return wait.open(() -> openNow(project));
    }

    private Warehouse openNow(ProjectConfig project) {
        WarehouseFactory f = warehouses().find(project.warehouse().type()).orElseThrow(() -> new CliException(
                ExitCode.INVALID, "unknown warehouse type '" + project.warehouse().type() + "' (available: "
                + String.join(", ", warehouses().all().keySet()) + ")"));
        Warehouse w = f.open(project.warehouse().settings(), project.projectDir(), project.warehouse().schema());
        try {
            Migrator.discover().migrate(w);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return new UserSqlWarehouse(w, new UserSql(project, clock));
    }
}
