package io.seglift.cli;

import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.SandboxProviders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code seglift sandbox [TYPE...]}: serves local stand-ins for the destination APIs, each on its provider's default
 * port (the one {@code demo.env} names), until interrupted, so every command can be tried on the demo project without
 * real accounts.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve local sandboxes of the destination APIs (every destination type that ships one) on the "
                + "ports demo.env points at, each enforcing its vendor's documented rate limit, until Ctrl-C. Use it to "
                + "try plan, sync, runs and serve on the demo project; seglift demo starts its own sandboxes.",
        footer = {"", "Example (two terminals):",
                "  seglift sandbox --rate-limited 0.05",
                "  cd seglift-demo && source demo.env && seglift sync --all"})
public final class SandboxCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(arity = "0..*", paramLabel = "TYPE", description = "Destination types to serve (default: all).")
    List<String> types = new ArrayList<>();

    @Option(names = "--rate-limited", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of calls answered 429 with Retry-After 1s (0 to 1; default ${DEFAULT-VALUE}).")
    double rateLimited;

    @Option(names = "--server-errors", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of calls answered 5xx (0 to 1; default ${DEFAULT-VALUE}).")
    double serverErrors;

    public SandboxCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (rateLimited < 0 || rateLimited > 1 || serverErrors < 0 || serverErrors > 1) {
            throw new CliException(ExitCode.INVALID, "--rate-limited and --server-errors take a share from 0 to 1");
        }
        SandboxProviders providers = SandboxProviders.discover();
        List<String> wanted = types.isEmpty() ? List.copyOf(providers.types()) : types;
        FaultPlan faults = FaultPlan.none().withRateLimited(rateLimited, Duration.ofSeconds(1))
                .withServerError(serverErrors);
        List<Sandbox> running = new ArrayList<>();
        try {
            for (String type : wanted) {
                SandboxProvider p = providers.find(type).orElseThrow(() -> new CliException(ExitCode.INVALID,
                        "no sandbox for '" + type + "' (available: " + String.join(", ", providers.types()) + ")"));
                RollingWindowLimit limit = p.documentedLimit();
                SandboxOptions options = SandboxOptions.defaults().withRateLimit(limit.requests(), limit.window())
                        .withFaults(faults).withPort(p.defaultPort());
                Sandbox s = p.start(options);
                running.add(s);
                System.out.printf("%-9s %s   (limit %d requests per %ds)   export %s=%s%n", type, s.baseUrl(),
                        limit.requests(), limit.window().toSeconds(), p.baseUrlVariable(), s.baseUrl());
            }
            System.out.println("Serving until Ctrl-C.");
            System.out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.forEach(Sandbox::close);
                stop.countDown();
            }));
            stop.await();
            return ExitCode.OK;
        } catch (RuntimeException e) {
            running.forEach(Sandbox::close);
            throw e;
        }
    }
}
