package io.seglift.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the launcher's class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}): runs
 * {@code seglift --help}, {@code --version} and {@code --help} of every command and subcommand in one JVM, with their
 * output discarded, so that the classes of every short command's path are in the archive. Exits with 1 when one of
 * them fails: the launcher then knows these commands need more than the class path it trained them on.
 */
public final class HelpPathTraining {
    private HelpPathTraining() {
    }

    public static void main(String[] args) {
        Session session = Session.production();
        List<List<String>> runs = new ArrayList<>(List.of(List.of(), List.of("--version")));
        paths(Main.commandLine(session), new ArrayList<>(), runs);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        List<String> failed = new ArrayList<>();
        try {
            for (List<String> run : runs) {
                if (Main.run(session, run.toArray(String[]::new)) != ExitCode.OK) failed.add(String.join(" ", run));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (!failed.isEmpty()) {
            System.err.println("seglift: these short commands failed: " + failed);
            System.exit(1);
        }
    }

    private static void paths(picocli.CommandLine cmd, List<String> path, List<List<String>> out) {
        List<String> help = new ArrayList<>(path);
        help.add("--help");
        out.add(help);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return;
            List<String> next = new ArrayList<>(path);
            next.add(name);
            paths(sub, next, out);
        });
    }
}
