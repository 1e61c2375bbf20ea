package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.config.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seglift validate}: reads the project file and prints every problem as {@code file:line:col: path: message},
 * then segments whose activation brief is incomplete as warnings, then a summary. Exit 2 when invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the project file: every problem at once, each with its line, column and what is allowed.",
                "Segments without a complete activation brief are listed as warnings (they build but never sync).",
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
        if (options.json()) {
            System.out.println(Json.write(json(file, result)));
        } else {
            result.allProblems().forEach(p -> System.out.println(line(file, p, "")));
            result.warnings().forEach(p -> System.out.println(line(file, p, "warning: ")));
            System.out.println(summary(file, result));
        }
        System.out.flush();
        return valid(result) ? ExitCode.OK : ExitCode.INVALID;
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

    private static String summary(Path file, ProjectLoader.Result r) {
        String warnings = r.warnings().isEmpty() ? "" : ", " + count(r.warnings().size(), "warning");
        if (!valid(r)) return file + ": invalid, " + count(r.allProblems().size(), "problem") + warnings;
        ProjectConfig p = r.config().orElseThrow();
        return file + ": valid (" + count(p.segments().size(), "segment") + ", " + count(p.destinations().size(),
                "destination") + ", " + count(p.syncs().size(), "sync") + ")" + warnings;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Map<String, Object> json(Path file, ProjectLoader.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("valid", valid(r));
        out.put("problems", problems(r.allProblems()));
        out.put("warnings", problems(r.warnings()));
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
