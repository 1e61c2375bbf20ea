package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.read.References;
import io.seglift.serve.BearerToken;
import io.seglift.serve.BindAddress;
import io.seglift.serve.CronSchedule;
import io.seglift.serve.HttpSettings;
import io.seglift.serve.NotDoneException;
import io.seglift.serve.SyncServer;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.RunSummary;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.runs.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code seglift serve}: schedules and an HTTP endpoint, on loopback unless a bearer token is set. The warehouse is opened per run and per {@code /runs}
 * request and closed after, so other commands can use an embedded warehouse between runs. SIGTERM and SIGINT stop the
 * server after the batch in flight and the command exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the project's syncs on their cron schedules (syncs[].schedule) and serve health,",
                "metrics, runs and manual triggers on 127.0.0.1 (--bind for another address):",
                "  GET /health, GET /metrics (Prometheus), GET /runs, POST /syncs/NAME/trigger;",
                "  HEAD wherever GET is.",
                "POST needs the header Content-Type: application/json; on a loopback address",
                "only local Host names are answered.",
                "With a token (SEGLIFT_SERVE_TOKEN or --token), /runs and triggers need the header",
                "Authorization: Bearer TOKEN (/metrics too with --token-protects-metrics; /health",
                "never). Without a token, --bind to an address that is not a loopback one is",
                "refused (exit 2) before anything listens.",
                "The warehouse is opened for each run and closed after it, so other commands can",
                "run in between. Stops on Ctrl-C or SIGTERM after the batch in flight (exit 0);",
                "the next run finishes the rest."},
        footer = {"", "Example: seglift serve --port 8642",
                "  curl -X POST -H 'Content-Type: application/json' \\",
                "       http://127.0.0.1:8642/syncs/lapsed_to_hubspot/trigger",
                "", "In a container (every interface; the token from the environment):",
                "  export SEGLIFT_SERVE_TOKEN=$(openssl rand -hex 32)",
                "  docker run -p 8642:8642 -e SEGLIFT_SERVE_TOKEN IMAGE \\",
                "       seglift serve --bind 0.0.0.0",
                "  curl -H \"Authorization: Bearer $SEGLIFT_SERVE_TOKEN\" http://HOST:8642/runs"})
public final class ServeCommand implements Callable<Integer> {
    /** The environment variable whose value is the token when {@code --token} is not given. */
    static final String TOKEN_ENV = "SEGLIFT_SERVE_TOKEN";

    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = "--port", defaultValue = "8642", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "Also answer requests whose Host is NAME "
            + "(e.g. a reverse proxy's name); repeatable. Default: localhost, 127.0.0.1 and [::1] only. Beyond a loopback "
            + "address any Host is answered: the token admits clients.")
    List<String> allowHosts = List.of();

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on: "
            + "an IP address of this machine, e.g. 0.0.0.0 or :: in a container (default: ${DEFAULT-VALUE}). Any but a "
            + "loopback address requires a token.")
    String bind;

    // "$${" is picocli's escape for a literal "${": unescaped, picocli would print the variable's value in --help.
    @Option(names = "--token", paramLabel = "REF", description = "The bearer token /runs and triggers require, as "
            + "$${env:NAME} or $${file:PATH} (a literal would show in the process list). Default: $${env:" + TOKEN_ENV
            + "} when that variable is set.")
    String token;

    @Option(names = "--token-protects-metrics", description = "Require the token for /metrics too (give the "
            + "Prometheus scrape job the token as its bearer token).")
    boolean tokenProtectsMetrics;

    public ServeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        InetAddress address = bindAddress();
        Optional<String> tokenRef = tokenReference(address);
        ProjectConfig project = session.project(options);
        Optional<BearerToken> bearer = tokenRef.map(ref -> resolveToken(ref, project));
        SyncServer server = server(project, HttpSettings.local(port).withExtraHosts(Set.copyOf(allowHosts))
                .withAccess(address, bearer, tokenProtectsMetrics));
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown, server::close);
        server.start();
        Map<String, CronSchedule> schedules = scheduled(project);
        System.err.println("seglift serve: listening on http://" + BindAddress.authority(address, server.port())
                + (bearer.isPresent() ? " (bearer token required for /runs, triggers" + (tokenProtectsMetrics
                ? " and /metrics)" : ")") : "") + " with "
                + schedules.size() + " scheduled sync(s): " + schedules.entrySet().stream()
                .map(e -> e.getKey() + " \"" + e.getValue().expression() + "\"").collect(Collectors.joining(", ")));
        stop.await();
        System.err.println("seglift serve: stopping after the batch in flight...");
        server.close();
        System.err.println("seglift serve: stopped");
        return ExitCode.OK;
    }

    private InetAddress bindAddress() {
        try {
            return BindAddress.parse(bind);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, "--bind: " + e.getMessage());
        }
    }

    /**
     * The token's {@code ${env:..}}/{@code ${file:..}} reference, checked before the project is read and anything is
     * bound: a non-loopback address without one is refused here.
     */
    private Optional<String> tokenReference(InetAddress address) {
        Optional<String> ref = Optional.ofNullable(token)
                .or(() -> session.env().containsKey(TOKEN_ENV) ? Optional.of("${env:" + TOKEN_ENV + "}") : Optional.empty());
        if (ref.isPresent() && !References.isWholeReference(ref.get())) {
            throw new CliException(ExitCode.INVALID, "--token must be ${env:NAME} or ${file:PATH}; a literal value is not"
                    + " allowed, because it would show in the process list (the value is not shown)");
        }
        if (ref.isEmpty() && HttpSettings.requiresToken(address)) {
            throw new CliException(ExitCode.INVALID, "--bind " + bind + " is not a loopback address, so other machines"
                    + " could reach serve: set " + TOKEN_ENV + " or pass --token '${env:NAME}' or --token '${file:PATH}'"
                    + " (clients then send Authorization: Bearer TOKEN); nothing was started");
        }
        if (ref.isEmpty() && tokenProtectsMetrics) {
            throw new CliException(ExitCode.INVALID, "--token-protects-metrics needs a token: set " + TOKEN_ENV
                    + " or pass --token '${env:NAME}'");
        }
        return ref;
    }

    private BearerToken resolveToken(String ref, ProjectConfig project) {
        try {
            Secret secret = new References(session.env(), project.projectDir()).secret(ref).orElseThrow();
            return BearerToken.of(secret.reveal());
        } catch (References.Failure e) {
            throw new CliException(ExitCode.INVALID, "--token " + ref + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, "--token " + ref + ": the token " + e.getMessage());
        }
    }

    /** The server for {@code project}: each run and each {@code /runs} request opens the warehouse and closes it. */
    SyncServer server(ProjectConfig project, HttpSettings http) throws IOException {
        Set<String> names = project.syncs().stream().map(SyncConfig::name).collect(Collectors.toSet());
        return new SyncServer(names, scheduled(project), (name, stop) -> run(project, name, stop),
                () -> recentRuns(project), session.clock(), http);
    }

    private RunSummary run(ProjectConfig project, String name, BooleanSupplier stop) {
        SyncEngine engine = new SyncEngine(SyncCommands.engineOptions(session).withStopRequested(stop), ProfileView::sql);
        try (Warehouse w = session.warehouseOnFirstUse(project)) {
            SyncConfig sync = SyncCommands.sync(project, name);
            // alerts: sync_failed and rejected_share (never change the run's result)
            return CommandAlerts.watchSync(session, project, sync, w, () -> SyncCommands.translate(
                    () -> engine.run(project, sync, w, session.destinations())));
        } catch (CliException e) {
            throw new NotDoneException(e.getMessage(), e.exitCode() == ExitCode.LOCKED, e);
        }
    }

    /** Recent runs as JSON; a busy warehouse is reported at once rather than holding the request. */
    private String recentRuns(ProjectConfig project) {
        try (Warehouse w = session.openWarehouse(project, session.warehouseWait().none())) {
            return Json.write(new RunHistory(w).list(null, 50));
        } catch (CliException e) {
            throw new NotDoneException(e.getMessage(), e.exitCode() == ExitCode.LOCKED, e);
        }
    }

    private static Map<String, CronSchedule> scheduled(ProjectConfig project) {
        Map<String, CronSchedule> schedules = new LinkedHashMap<>();
        for (SyncConfig s : project.syncs()) {
            if (s.schedule().isPresent()) {
                try {
                    schedules.put(s.name(), CronSchedule.parse(s.schedule().get()));
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCode.INVALID, "syncs." + s.name() + ".schedule: " + e.getMessage());
                }
            }
        }
        return schedules;
    }
}
