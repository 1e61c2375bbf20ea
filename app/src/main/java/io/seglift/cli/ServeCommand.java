package io.seglift.cli;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.runs.RunHistory;
import io.seglift.serve.CronSchedule;
import io.seglift.serve.SyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code seglift serve}: schedules and a local HTTP endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the project's syncs on their cron schedules (syncs[].schedule) and serve health, metrics, runs and manual triggers on 127.0.0.1:",
                "  GET /health, GET /metrics (Prometheus), GET /runs, POST /syncs/NAME/trigger.",
                "Stops on Ctrl-C or SIGTERM after the batch in flight; the next run finishes the rest."},
        footer = {"", "Example: seglift serve --port 8642",
                "         curl -X POST http://127.0.0.1:8642/syncs/lapsed_to_hubspot/trigger"})
public final class ServeCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = "--port", defaultValue = "8642", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    public ServeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        ProjectConfig project = session.project(options);
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
        Set<String> names = project.syncs().stream().map(SyncConfig::name).collect(Collectors.toSet());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (Warehouse w = session.openWarehouse(project)) {
            SyncServer server = new SyncServer(names, schedules,
                    (name, stop) -> SyncCommands.translate(() -> new SyncEngine(SyncCommands.engineOptions(session).withStopRequested(stop), ProfileView::sql)
                            .run(project, SyncCommands.sync(project, name), w, session.destinations())),
                    () -> Json.write(new RunHistory(w).list(null, 50)), session.clock(), port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.println("seglift serve: stopping after the batch in flight...");
                server.close();
                stopped.countDown();
                try {
                    closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "seglift-shutdown"));
            server.start();
            System.err.println("seglift serve: listening on http://127.0.0.1:" + server.port() + " with " + schedules.size()
                    + " scheduled sync(s): " + schedules.entrySet().stream().map(e -> e.getKey() + " \"" + e.getValue().expression() + "\"")
                    .collect(Collectors.joining(", ")));
            stopped.await();
        } finally {
            closed.countDown();
        }
        return ExitCode.OK;
    }
}
