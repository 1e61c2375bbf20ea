package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift load TABLE FILE}: loads a CSV or Parquet file into a warehouse table, replacing it. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a CSV or Parquet file into a table of the project's warehouse, replacing the table. "
                + "Column types are inferred from the file.",
        footer = {"", "Example: seglift load raw.orders ./exports/orders.csv"})
public final class LoadCommand implements Callable<Integer> {
    static final List<String> FILE_TYPES = List.of(".csv", ".csv.gz", ".tsv", ".txt", ".parquet");

    private final Session session;

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", paramLabel = "TABLE", description = "Target table: [schema.]table, e.g. raw.orders.")
    String table;

    @Parameters(index = "1", paramLabel = "FILE", description = "A .csv, .csv.gz, .tsv, .txt or .parquet file.")
    Path file;

    public LoadCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        TableName target;
        try {
            target = TableName.parse(table, "TABLE");
        } catch (InvalidIdentifierException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage(), e);
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INVALID, "FILE: no file at " + file.toAbsolutePath().normalize());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (FILE_TYPES.stream().noneMatch(name::endsWith)) {
            throw new CliException(ExitCode.INVALID, "FILE: " + file.getFileName()
                    + " is not a supported type (allowed: " + String.join(", ", FILE_TYPES) + ")");
        }
        ProjectConfig project = session.project(options);
        long rows;
        try (Warehouse w = session.openWarehouse(project)) {
            if (target.schema().map(s -> s.equalsIgnoreCase(w.schema())).orElse(false)) {
                throw new CliException(ExitCode.INVALID, "TABLE: schema '" + w.schema()
                        + "' holds Seglift's own tables and cannot be loaded into; use another schema, e.g. raw."
                        + target.table());
            }
            rows = w.loadFile(file, target, session.progress());
        }
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("table", target.toString());
            out.put("file", file.toAbsolutePath().normalize().toString());
            out.put("rows", rows);
            System.out.println(Json.write(out));
        } else {
            System.out.printf("Loaded %,d rows into %s from %s%n", rows, target, file);
        }
        return ExitCode.OK;
    }
}
