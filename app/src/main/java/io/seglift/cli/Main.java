package io.seglift.cli;

import io.seglift.config.ConfigException;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.warehouse.InvalidIdentifierException;
import io.seglift.spi.warehouse.WarehouseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code seglift}: the entry point. Subcommands are listed here; each is its own class taking the {@link Session}, and
 * only those a command line names are built (see {@link #commandLine(Session, Predicate)}).
 */
@Command(name = "seglift", mixinStandardHelpOptions = true,
        description = {
                "Warehouse-native scoring, segments with holdouts, and sync to CRM, email and ads, with lift measured.",
                "",
                "Start here:  seglift init --demo && seglift demo",
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  failed (destination down, warehouse error); safe to retry",
                "  2  invalid project file, arguments or input; fix it first",
                "  3  finished, but the destination rejected some rows (seglift runs show RUN)",
                "  4  busy: another process is running this sync or holds the embedded warehouse; nothing done, retry later",
                "  5  data not ready for this (see seglift audit); nothing done",
                "  6  refused: the change is larger than allowed; nothing sent (seglift plan SYNC)",
                "",
                "Example: seglift init --demo my-shop && cd my-shop && seglift validate",
        })
public final class Main implements Runnable {
    /** The subcommands after {@code help}, in the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            DemoCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            LoadCommand.class,
            SqlCommand.class,
            AuditCommand.class,
            ScoreCommand.class,
            ModelsCommand.class,
            SegmentsCommand.class,
            PlanCommand.class,
            SyncCommand.class,
            RunsCommand.class,
            ServeCommand.class,
            ReportCommand.class,
            SandboxCommand.class,
            BenchCommand.class);

    private final Session session;

    public Main(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(Session.production(), args));
    }

    /** Runs a command line with the given session and returns its exit code; tests call this. */
    public static int run(Session session, String... args) {
        return commandLine(session, Arrays.asList(args)::contains).execute(args);
    }

    /** The whole command tree, configured as {@link #run} executes it. */
    static CommandLine commandLine(Session session) {
        return commandLine(session, name -> true);
    }

    /**
     * The command tree with the subcommands {@code inFull} accepts (by name) built in full and every other one only
     * as its name and usage text, which is all {@code seglift --help} shows of it. Building a subcommand reads its
     * options and nested commands by reflection, most of the cold start of a short command.
     */
    static CommandLine commandLine(Session session, Predicate<String> inFull) {
        SessionFactory factory = new SessionFactory(session);
        CommandLine cli = new CommandLine(new Main(session), factory);
        cli.getCommandSpec().versionProvider(new VersionText(session));
        cli.addSubcommand(CommandLine.HelpCommand.class);
        for (Class<?> cls : SUBCOMMANDS) {
            Command command = cls.getAnnotation(Command.class);
            boolean named = inFull.test(command.name()) || Arrays.stream(command.aliases()).anyMatch(inFull);
            cli.addSubcommand(named ? cls : listedOnly(command, factory));
        }
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .footer("", "Example: seglift help segments build");
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.INVALID;
        });
        return cli;
    }

    private static int handle(Exception ex, CommandLine cmd) {
        var err = cmd.getErr();
        if (ex instanceof CliException c) {
            err.println("error: " + ErrorText.of(c));
            return c.exitCode();
        }
        var missing = MissingSourceText.find(ex);
        if (missing.isPresent()) {
            err.println("error: " + MissingSourceText.of(missing.get(), cmd));
            return ExitCode.INVALID;
        }
        if (ex instanceof ConfigException || ex instanceof InvalidIdentifierException) {
            err.println("error: " + ErrorText.of(ex));
            return ExitCode.INVALID;
        }
        if (ex instanceof DestinationException d) {
            err.println("error: destination: " + ErrorText.of(d));
            return ExitCode.FAILED;
        }
        if (ex instanceof WarehouseException) {
            err.println("error: warehouse: " + ErrorText.of(ex));
            return ExitCode.FAILED;
        }
        err.println("error: " + ErrorText.of(ex));
        if (System.getenv("SEGLIFT_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(set SEGLIFT_DEBUG=1 for a stack trace)");
        return ExitCode.FAILED;
    }

    private static CommandSpec listedOnly(Command command, SessionFactory factory) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(null, factory).name(command.name())
                .aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
    }

    /**
     * Builds subcommands, handing them the session when they take one. Classes picocli needs (help command, mixins,
     * converters) are made with their no-argument constructor: picocli's default factory, on its first use, looks for
     * {@code groovy.lang.Closure} in every jar of the class path, which opens all of them; it is left the interfaces
     * and abstract types (collections of option values) that it alone knows how to make. (Hence also
     * {@code wrapWithoutInspection(null, factory)} rather than {@code CommandSpec.create()}, which makes a default
     * factory.)
     */
    private record SessionFactory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Session.class).newInstance(session);
            } catch (NoSuchMethodException e) {
                if (cls.isInterface() || Modifier.isAbstract(cls.getModifiers())) {
                    return CommandLine.defaultFactory().create(cls);
                }
                Constructor<K> noArguments = cls.getDeclaredConstructor();
                noArguments.setAccessible(true);
                return noArguments.newInstance();
            }
        }
    }
}
