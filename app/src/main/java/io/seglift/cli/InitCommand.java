package io.seglift.cli;

import io.seglift.demo.DemoEnvironment;
import io.seglift.demo.DemoInit;
import io.seglift.demo.DemoSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift init --demo [DIR]}: a demo project with a generated warehouse. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a project. With --demo: a DuckDB warehouse of synthetic shop data (customers, orders, "
                + "email events, consent, ground truth) and a project file that uses it (docs/demo-data.md).",
        footer = {"", "Example: seglift init --demo ./seglift-demo --customers 100000 --seed 42"})
public final class InitCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = "--demo", description = "Generate the demo data set and project (the only kind of init so far).")
    boolean demo;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "seglift-demo",
            description = "Folder to create (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "100000",
            description = "Customers to generate; orders follow at about 10 per customer (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed; the same seed and size give identical data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace an existing demo project and database in DIR.")
    boolean force;

    public InitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (!demo) {
            throw new CliException(ExitCode.INVALID, "init needs --demo (the only kind of init so far): "
                    + "seglift init --demo [DIR]; for your own data, write seglift.yaml as in docs/project-file.md");
        }
        if (customers < 1 || customers > 10_000_000) {
            throw new CliException(ExitCode.INVALID, "--customers: " + customers + " is out of range (allowed: 1 to 10000000)");
        }
        if (DemoInit.exists(dir) && !force) {
            throw new CliException(ExitCode.INVALID, dir.toAbsolutePath().normalize()
                    + " already holds a demo project; pass --force to replace it, or choose another DIR");
        }
        if (Files.isRegularFile(dir)) {
            throw new CliException(ExitCode.INVALID, dir + " is a file; DIR must be a folder");
        }
        DemoInit.Result result = new DemoInit(session.warehouses(), session.clock())
                .create(dir, DemoSpec.of(customers, seed), session.progress());
        print(result);
        return ExitCode.OK;
    }

    private void print(DemoInit.Result r) throws IOException {
        var s = r.summary();
        long bytes = Files.size(r.database());
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("project_file", r.projectFile().toAbsolutePath().normalize().toString());
            out.put("database", r.database().toAbsolutePath().normalize().toString());
            out.put("database_bytes", bytes);
            out.put("summary", s);
            System.out.println(Json.write(out));
            return;
        }
        System.out.printf("Demo project written (seed %d, history %s to %s, %.1fs):%n", s.seed(), s.historyStart(),
                s.asOf(), s.took().toMillis() / 1000.0);
        System.out.printf("  %-14s %,d (of which %,d suppressed)%n", "customers", s.customers(), s.suppressions());
        System.out.printf("  %-14s %,d (of which %,d for unknown customers)%n", "orders", s.orders(), s.orphanOrders());
        System.out.printf("  %-14s %,d%n", "email events", s.emailEvents());
        System.out.printf("  %-14s %,d future orders, campaign effect (demo_truth schema)%n", "ground truth",
                s.futureOrders());
        System.out.printf("  %-14s %s%n", "project file", r.projectFile().toAbsolutePath().normalize());
        System.out.printf("  %-14s %s (%.1f MB)%n", "warehouse", r.database().toAbsolutePath().normalize(),
                bytes / 1e6);
        System.out.printf("  %-14s %s (sandbox settings the destinations read; source it before other commands)%n",
                "environment", r.projectFile().resolveSibling(DemoEnvironment.FILE_NAME).toAbsolutePath().normalize());
        System.out.println("Next: seglift demo " + dir + "   (or: cd " + dir
                + " && source demo.env && seglift sql \"SELECT * FROM raw.orders LIMIT 5\")");
    }
}
