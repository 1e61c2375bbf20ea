package io.seglift.demo;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.DestinationConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProviders;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.EngineOptions;
import io.seglift.sync.RunSummary;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.SyncRefusedException;
import io.seglift.sync.plan.Exclusion;
import io.seglift.sync.plan.SegmentNotBuiltException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts a local sandbox for every destination the demo's syncs use (each enforcing its vendor's documented rate limit,
 * with a few injected 429s and 5xx so retries show up in the run history), points the project at them, and runs every
 * sync with the real engine. The engine's clock is moved to the demo's as-of date so exposures fall where the outcome
 * simulation expects them. The sandboxes stay up (closed with the {@link DemoContext}) so later campaign cycles sync
 * only the changes to the same audiences. A sync of a segment without a complete brief is refused, which the demo shows on purpose.
 * Syncs to different destinations run at the same time: each vendor limits requests per account or app, so one
 * destination's pacing never has to wait for another's; syncs to the same destination run one after another.
 */
public final class SandboxSyncStage implements DemoStage {
    private final Destinations destinations;
    private final SandboxProviders sandboxes;
    private final FaultPlan faults;
    private final Map<String, Sandbox> started = new LinkedHashMap<>();

    public SandboxSyncStage(Destinations destinations, SandboxProviders sandboxes, FaultPlan faults) {
        this.destinations = destinations;
        this.sandboxes = sandboxes;
        this.faults = faults;
    }

    /** Realistic demo faults: 3% of calls answered 429 (Retry-After 1 s), 1% answered 5xx. */
    public static FaultPlan demoFaults() {
        return FaultPlan.none().withRateLimited(0.03, Duration.ofSeconds(1)).withServerError(0.01).withSeed(42);
    }

    @Override
    public String name() {
        return "sandbox sync";
    }

    @Override
    public StageResult run(DemoContext context) throws InterruptedException {
        ProjectConfig project = context.project();
        if (project.syncs().isEmpty()) {
            return StageResult.skipped("the project declares no syncs");
        }
        for (SyncConfig sync : project.syncs()) {
            DestinationConfig dc = project.destination(sync.destination()).orElseThrow();
            if (started.containsKey(dc.type())) continue;
            SandboxProvider provider = sandboxes.find(dc.type()).orElseThrow(() -> new IllegalStateException(
                    "no sandbox for destination type '" + dc.type() + "' (available: " + sandboxes.types() + ")"));
            Sandbox sandbox = sandboxLimit(dc)
                    .map(l -> provider.start(SandboxOptions.defaults().withRateLimit(l.requests(), l.period()).withFaults(faults)))
                    .orElseGet(() -> provider.startRealistic(faults));
            context.keepOpen(sandbox);
            started.put(dc.type(), sandbox);
            provider.demoEnvironment(sandbox.baseUrl()).forEach(context::setEnv);
        }
        project = context.project();
        Clock atAsOf = Clock.offset(context.clock(), Duration.between(context.clock().instant(),
                context.asOf().atTime(9, 0).toInstant(ZoneOffset.UTC)));
        Map<String, List<SyncConfig>> byDestination = new LinkedHashMap<>();
        project.syncs().forEach(s -> byDestination.computeIfAbsent(s.destination(), d -> new ArrayList<>()).add(s));
        Progress progress = context.progress() == null || byDestination.size() > 1 ? Progress.NONE : context.progress();
        SyncEngine engine = new SyncEngine(EngineOptions.defaults().withClock(atAsOf).withProgress(progress), ProfileView::sql);
        Map<String, String> lines = new ConcurrentHashMap<>();
        ProjectConfig running = project;
        Warehouse warehouse = context.warehouse();
        ExecutorService pool = Executors.newFixedThreadPool(byDestination.size(), r -> {
            Thread t = new Thread(r, "demo-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (List<SyncConfig> syncs : byDestination.values()) {
                pending.add(pool.submit(() -> syncs.forEach(s -> lines.put(s.name(), runOne(engine, running, s, warehouse)))));
            }
            for (Future<?> f : pending) f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return StageResult.done(String.join("; ", project.syncs().stream().map(s -> lines.get(s.name())).toList()));
    }

    /**
     * The limit the project declares for the account ({@code rate_limit}, e.g. the demo's HubSpot Professional tier),
     * which the sandbox then enforces as the vendor would for that tier; empty: the vendor's documented default.
     */
    private static Optional<io.seglift.spi.destination.RateLimit> sandboxLimit(DestinationConfig dc) {
        return dc.rateLimit().filter(io.seglift.spi.destination.RateLimit::appliesToAll);
    }

    /** Runs one sync; its summary line, printed to stderr as soon as it ends (the others may still run). */
    private String runOne(SyncEngine engine, ProjectConfig project, SyncConfig sync, Warehouse warehouse) {
        long started = System.nanoTime();
        String line;
        try {
            RunSummary r = engine.run(project, sync, warehouse, destinations);
            line = String.format(Locale.ROOT, "%s %s: %,d added, %,d removed, %,d held out, %,d without consent, "
                            + "%,d rejected, %,d %s retried", sync.name(), r.status().code(), r.added(), r.removed(),
                    r.plan() == null ? 0 : r.plan().excluded(Exclusion.HELD_OUT),
                    r.plan() == null ? 0 : r.plan().excluded(Exclusion.NO_CONSENT),
                    r.rejected(), r.callRetries(), r.callRetries() == 1 ? "call" : "calls");
        } catch (SyncRefusedException e) {
            line = sync.name() + " refused: " + e.getMessage();
        } catch (SegmentNotBuiltException e) {
            line = sync.name() + " skipped: " + e.getMessage();
        }
        System.err.printf(Locale.ROOT, "[seglift] sync %s done (%.1fs)%n", sync.name(), (System.nanoTime() - started) / 1e9);
        return line;
    }
}
