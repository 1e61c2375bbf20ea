package io.seglift.cli;

import io.seglift.cli.usersql.UserSql;
import io.seglift.cli.usersql.UserSqlCheck;
import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.config.Problem;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code seglift validate}: reads the project file and prints every problem as {@code file:line:col: path: message},
 * then segments whose activation brief is incomplete as warnings, then a summary. When the file is otherwise valid,
 * every fragment of user SQL is compiled against the warehouse (nothing runs) and each one refused is a problem at its
 * line. Exit 2 when invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the project file: every problem at once, each with its line, column and what is allowed.",
                "Segments without a complete activation brief are listed as warnings (they build but never sync).",
                "The SQL in the file (segment rules, sync fields, cancelled_when, sql_features) is compiled against",
                "the warehouse; when the warehouse does not exist yet or cannot be opened, that is a warning.",
                "Exit code 2 when the file is invalid, 0 otherwise."},
        footer = {"", "Example: seglift validate --project seglift.yaml",
                "         seglift validate --format json"})
public final class ValidateCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    public ValidateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Path file = options.projectFile();
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INVALID, "no project file at " + file.toAbsolutePath()
                    + " (pass --project FILE, set SEGLIFT_PROJECT, or create one with: seglift init --demo)");
        }
        ProjectLoader.Result result = session.loader().read(file);
        Report report = report(result);
        if (options.json()) {
            System.out.println(Json.write(json(file, result, report)));
        } else {
            report.problems().forEach(p -> System.out.println(line(file, p, "")));
            report.warnings().forEach(p -> System.out.println(line(file, p, "warning: ")));
            System.out.println(summary(file, result, report));
        }
        System.out.flush();
        return report.valid() ? ExitCode.OK : ExitCode.INVALID;
    }

    /** What validate reports: the file's own problems and warnings, then what the warehouse says of its SQL. */
    private record Report(boolean valid, List<Problem> problems, List<Problem> warnings) {
    }

    private Report report(ProjectLoader.Result result) {
        if (!valid(result)) return new Report(false, result.allProblems(), result.warnings());
        UserSqlCheck.Findings sql = checkSql(result.config().orElseThrow());
        List<Problem> problems = new ArrayList<>(result.allProblems());
        problems.addAll(sql.broken());
        List<Problem> warnings = new ArrayList<>(result.warnings());
        warnings.addAll(sql.unchecked());
        return new Report(sql.broken().isEmpty(), inFileOrder(problems), inFileOrder(warnings));
    }

    /**
     * Every fragment of user SQL compiled against the warehouse. A warehouse that does not exist yet (an embedded file
     * not created) or cannot be opened now (down, busy) is a warning and the SQL is not checked: the file itself may be
     * fine, and validate never creates a warehouse. An in-memory warehouse is empty whenever it is opened, so its SQL
     * is not checked either.
     */
    private UserSqlCheck.Findings checkSql(ProjectConfig project) {
        if (project.sqlFragments().isEmpty() || inMemory(project)) {
            return new UserSqlCheck.Findings(List.of(), List.of());
        }
        Optional<Path> missing = missingEmbeddedFile(project);
        if (missing.isPresent()) {
            return notChecked(project, "the warehouse file " + missing.get() + " does not exist yet");
        }
        try (Warehouse w = session.openWarehouse(project, session.warehouseWait().none())) {
            return new UserSql(project, session.clock()).check(w).check(project.sqlFragments());
        } catch (RuntimeException e) {
            return notChecked(project, "the warehouse cannot be opened (" + ErrorText.of(e) + ")");
        }
    }

    private static UserSqlCheck.Findings notChecked(ProjectConfig project, String why) {
        return new UserSqlCheck.Findings(List.of(), List.of(new Problem(project.file(), 0, 0, "warehouse", why
                + "; the SQL in the file (rules, fields, cancelled_when, sql_features) was not checked")));
    }

    /** An in-memory DuckDB warehouse starts empty on every open: there is nothing to compile the SQL against. */
    private static boolean inMemory(ProjectConfig project) {
        return project.warehouse().type().equals("duckdb") && project.warehouse().settings().string("path").isEmpty();
    }

    /** An embedded DuckDB file that is not there: opening it would create an empty one. */
    private static Optional<Path> missingEmbeddedFile(ProjectConfig project) {
        if (!project.warehouse().type().equals("duckdb")) return Optional.empty();
        return project.warehouse().settings().string("path").map(p -> project.projectDir().resolve(p).normalize())
                .filter(p -> !Files.exists(p));
    }

    private static List<Problem> inFileOrder(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    /** {@code seglift.yaml:12:5: segments.lapsed.holdout: message}, with the file as the user named it. */
    static String line(Path file, Problem p, String prefix) {
        String where = file + (p.line() > 0 ? ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "") : "");
        return where + ": " + prefix + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
    }

    /** Valid for every command: unresolved references in destination blocks count too. */
    private static boolean valid(ProjectLoader.Result r) {
        return r.valid() && r.unresolved().isEmpty();
    }

    private static String summary(Path file, ProjectLoader.Result r, Report report) {
        String warnings = report.warnings().isEmpty() ? "" : ", " + count(report.warnings().size(), "warning");
        if (!report.valid()) return file + ": invalid, " + count(report.problems().size(), "problem") + warnings;
        ProjectConfig p = r.config().orElseThrow();
        return file + ": valid (" + count(p.segments().size(), "segment") + ", " + count(p.destinations().size(),
                "destination") + ", " + count(p.syncs().size(), "sync") + ")" + warnings;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Map<String, Object> json(Path file, ProjectLoader.Result r, Report report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("valid", report.valid());
        out.put("problems", problems(report.problems()));
        out.put("warnings", problems(report.warnings()));
        r.config().ifPresent(p -> out.put("counts", Map.of("segments", p.segments().size(),
                "destinations", p.destinations().size(), "syncs", p.syncs().size())));
        return out;
    }

    private static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("path", p.path());
            m.put("message", p.message());
            return m;
        }).toList();
    }
}
