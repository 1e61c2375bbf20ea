package io.seglift.config;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.Warehouses;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates a project file. Every problem is collected (not just the first), each with file, line, column,
 * YAML path, what was found and what is allowed. Destination and warehouse blocks are checked against the {@link
 * io.seglift.spi.settings.ConfigSpec} of their factory; secrets are resolved from {@code env} and files.
 */
public final class ProjectLoader {
    private final Warehouses warehouses;
    private final Destinations destinations;
    private final Map<String, String> env;

    /**
     * @param warehouses   the warehouse factories available
     * @param destinations the destination factories available
     * @param env          environment used for {@code ${env:NAME}} (pass {@code System.getenv()} in production)
     */
    public ProjectLoader(Warehouses warehouses, Destinations destinations, Map<String, String> env) {
        this.warehouses = warehouses;
        this.destinations = destinations;
        this.env = Map.copyOf(env);
    }

    /**
     * The result of reading a file: the config when valid, all problems found (errors, in file order), warnings
     * that do not make the file invalid (segments whose activation brief is incomplete), and references in
     * destination blocks that could not be resolved (errors only for the commands that use those destinations).
     */
    public record Result(Optional<ProjectConfig> config, List<Problem> problems, List<Problem> warnings,
                         List<Problem> unresolved) {
        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            unresolved = List.copyOf(unresolved);
        }

        public Result(Optional<ProjectConfig> config, List<Problem> problems, List<Problem> warnings) {
            this(config, problems, warnings, List.of());
        }

        public Result(Optional<ProjectConfig> config, List<Problem> problems) {
            this(config, problems, List.of());
        }

        /** Problems and unresolved references together, in file order: what {@code seglift validate} reports. */
        public List<Problem> allProblems() {
            List<Problem> all = new java.util.ArrayList<>(problems);
            all.addAll(unresolved);
            all.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            return List.copyOf(all);
        }

        public boolean valid() {
            return problems.isEmpty() && config.isPresent();
        }

        public ProjectConfig orThrow() {
            if (!problems.isEmpty() || config.isEmpty()) throw new ConfigException(problems);
            return config.get();
        }
    }

    /** Reads and validates {@code file}. Never throws for problems in the file; see {@link Result#problems()}. */
    public Result read(Path file) {
        return new ProjectReader(file, warehouses, destinations, env).read();
    }

    /** Reads {@code file}, throwing {@link ConfigException} listing every problem when it is invalid. */
    public ProjectConfig load(Path file) {
        return read(file).orThrow();
    }
}
