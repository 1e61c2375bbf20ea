package io.seglift.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command and subcommand answers {@code --help} with exit 0 and an example. */
class HelpTreeTest {

    @Test
    void everyCommandAnswersHelpWithAnExample() {
        List<List<String>> paths = new ArrayList<>();
        walk(Main.commandLine(CliRun.session()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.run(CliRun.session(), args.toArray(String[]::new));
            if (r.exitCode() != 0 || !r.out().contains("Example")) {
                failures.add(String.join(" ", args) + " -> exit " + r.exitCode() + ": " + r.err().strip());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return;
            List<String> next = new ArrayList<>(path);
            next.add(name);
            walk(sub, next, out);
        });
    }
}
