package io.seglift.demo;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.DestinationConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.SandboxProviders;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
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

/**
 * Starts a local sandbox for every destination the demo's syncs use (each enforcing its vendor's documented rate limit,
 * with a few injected 429s and 5xx so retries show up in the run history), points the project at them, and runs every
 * sync with the real engine. The engine's clock is moved to the demo's as-of date so exposures fall where the outcome
 * simulation expects them. The sandboxes stay up (closed with the {@link DemoContext}) so later campaign cycles sync
 * only the changes to the same audiences. A sync of a segment without a complete brief is refused, which the demo shows on purpose.
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
    public StageResult run(DemoContext context) {
        ProjectConfig project = context.project();
        if (project.syncs().isEmpty()) {
            return StageResult.skipped("the project declares no syncs");
        }
        for (SyncConfig sync : project.syncs()) {
            DestinationConfig dc = project.destination(sync.destination()).orElseThrow();
            if (started.containsKey(dc.type())) continue;
            SandboxProvider provider = sandboxes.find(dc.type()).orElseThrow(() -> new IllegalStateException(
                    "no sandbox for destination type '" + dc.type() + "' (available: " + sandboxes.types() + ")"));
            Sandbox sandbox = provider.startRealistic(faults);
            context.keepOpen(sandbox);
            started.put(dc.type(), sandbox);
            provider.demoEnvironment(sandbox.baseUrl()).forEach(context::setEnv);
        }
        project = context.project();
        Clock atAsOf = Clock.offset(context.clock(), Duration.between(context.clock().instant(),
                context.asOf().atTime(9, 0).toInstant(ZoneOffset.UTC)));
        SyncEngine engine = new SyncEngine(EngineOptions.defaults().withClock(atAsOf)
                .withProgress(context.progress() == null ? Progress.NONE : context.progress()), ProfileView::sql);
        List<String> lines = new ArrayList<>();
        for (SyncConfig sync : project.syncs()) {
            try {
                RunSummary r = engine.run(project, sync, context.warehouse(), destinations);
                lines.add(String.format(Locale.ROOT, "%s %s: %,d added, %,d removed, %,d held out, %,d without consent, "
                                + "%,d rejected, %,d %s retried", sync.name(), r.status().code(), r.added(), r.removed(),
                        r.plan().excluded(Exclusion.HELD_OUT), r.plan().excluded(Exclusion.NO_CONSENT),
                        r.rejected(), r.callRetries(), r.callRetries() == 1 ? "call" : "calls"));
            } catch (SyncRefusedException e) {
                lines.add(sync.name() + " refused: " + e.getMessage());
            } catch (SegmentNotBuiltException e) {
                lines.add(sync.name() + " skipped: " + e.getMessage());
            }
        }
        return StageResult.done(String.join("; ", lines));
    }
}
