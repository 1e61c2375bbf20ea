package io.seglift.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line builds only the subcommands it names; what users see is the same as with the whole tree. */
class LazyCommandTreeTest {

    @Test
    void rootHelpListsEveryCommandAsTheWholeTreeDoes() {
        CommandLine none = Main.commandLine(CliRun.session(), name -> false);

        assertThat(usage(none)).isEqualTo(usage(Main.commandLine(CliRun.session())));
        assertThat(none.getSubcommands().get("segments").getSubcommands()).isEmpty();
    }

    @Test
    void namedCommandsAreBuiltInFull() {
        CommandLine cli = Main.commandLine(CliRun.session(), List.of("help", "segments", "build")::contains);

        assertThat(cli.getSubcommands().get("segments").getSubcommands()).containsKeys("build", "list", "show");
        assertThat(cli.getSubcommands().get("score").getSubcommands()).isEmpty();
    }

    @Test
    void helpOfANestedCommandAndErrorsWorkThroughRun() {
        CliRun help = CliRun.run(CliRun.session(), "help", "segments");
        CliRun sub = CliRun.run(CliRun.session(), "segments", "--help");
        CliRun unknown = CliRun.run(CliRun.session(), "segment");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(sub.out()).contains("Usage: seglift segments", "build", "sample");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'segment'", "try: seglift --help");
    }

    private static String usage(CommandLine cli) {
        StringWriter out = new StringWriter();
        cli.usage(new PrintWriter(out));
        return out.toString();
    }
}
