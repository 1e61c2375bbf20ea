package io.seglift.cli;

import io.seglift.cli.sql.CsvResultWriter;
import io.seglift.cli.sql.JsonResultWriter;
import io.seglift.cli.sql.QueryStreamer;
import io.seglift.cli.sql.ReadOnlySql;
import io.seglift.cli.sql.ResultWriter;
import io.seglift.cli.sql.TextTableWriter;
import io.seglift.config.ProjectConfig;
import io.seglift.spi.warehouse.ReadOnlyViolationException;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code seglift sql "SELECT ..."}: a read-only query against the project's warehouse, rows streamed to stdout. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run one read-only query (SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE) against the "
                + "project's warehouse. The engine enforces it: writes, settings and file access are refused. "
                + "Text output shows the first --limit rows; csv and json stream every row.",
        footer = {"", "Example: seglift sql \"SELECT status, count(*) FROM raw.orders GROUP BY 1\" --format csv"})
public final class SqlCommand implements Callable<Integer> {
    static final int DEFAULT_TEXT_LIMIT = 100;

    private final Session session;

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The statement, in quotes.")
    String query;

    @Option(names = "--limit", paramLabel = "N",
            description = "Rows to show at most (default: 100 for text, all for csv and json).")
    Long limit;

    public SqlCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ReadOnlySql.Verdict verdict = ReadOnlySql.check(query);
        if (!verdict.isAllowed()) {
            throw new CliException(ExitCode.INVALID, "refused: " + verdict.reason().orElseThrow());
        }
        if (limit != null && limit < 0) {
            throw new CliException(ExitCode.INVALID, "--limit: " + limit + " is negative (allowed: 0 or more)");
        }
        ProjectConfig project = session.project(options);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
                StandardCharsets.UTF_8), 1 << 16));
        ResultWriter writer = switch (options.format()) {
            case TEXT -> new TextTableWriter(out);
            case CSV -> new CsvResultWriter(out);
            case JSON -> new JsonResultWriter(out);
        };
        long max = limit != null ? limit : options.format() == OutputFormat.TEXT ? DEFAULT_TEXT_LIMIT : -1;
        try (Warehouse w = session.openWarehouse(project)) {
            new QueryStreamer(w).stream(verdict.statement().orElseThrow(), max, writer);
        } catch (ReadOnlyViolationException e) {
            throw new CliException(ExitCode.INVALID, "refused: " + e.getMessage()
                    + "; seglift sql runs one read-only query with no file access");
        } finally {
            out.flush();
        }
        return ExitCode.OK;
    }
}
