package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.serve.CronSchedule;
import io.seglift.serve.HttpSettings;
import io.seglift.serve.NotDoneException;
import io.seglift.serve.SyncServer;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.RunSummary;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.runs.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code seglift serve}: schedules and a local HTTP endpoint. The warehouse is opened per run and per {@code /runs}
 * request and closed after, so other commands can use an embedded warehouse between runs. SIGTERM and SIGINT stop the
 * server after the batch in flight and the command exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the project's syncs on their cron schedules (syncs[].schedule) and serve health, metrics, runs and manual triggers on 127.0.0.1:",
                "  GET /health, GET /metrics (Prometheus), GET /runs, POST /syncs/NAME/trigger.",
                "POST needs the header Content-Type: application/json; only local Host names are answered.",
                "The warehouse is opened for each run and closed after it, so other commands can run in between.",
                "Stops on Ctrl-C or SIGTERM after the batch in flight (exit 0); the next run finishes the rest."},
        footer = {"", "Example: seglift serve --port 8642",
                "         curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:8642/syncs/lapsed_to_hubspot/trigger"})
public final class ServeCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = "--port", defaultValue = "8642", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "Also answer requests whose Host is NAME "
            + "(e.g. a reverse proxy's name); repeatable. Default: localhost, 127.0.0.1 and [::1] only.")
    List<String> allowHosts = List.of();

    public ServeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        ProjectConfig project = session.project(options);
        SyncServer server = server(project, HttpSettings.local(port).withExtraHosts(Set.copyOf(allowHosts)));
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown, server::close);
        server.start();
        Map<String, CronSchedule> schedules = scheduled(project);
        System.err.println("seglift serve: listening on http://127.0.0.1:" + server.port() + " with "
                + schedules.size() + " scheduled sync(s): " + schedules.entrySet().stream()
                .map(e -> e.getKey() + " \"" + e.getValue().expression() + "\"").collect(Collectors.joining(", ")));
        stop.await();
        System.err.println("seglift serve: stopping after the batch in flight...");
        server.close();
        System.err.println("seglift serve: stopped");
        return ExitCode.OK;
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
