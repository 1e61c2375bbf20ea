package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.ChangeGuard;
import io.seglift.sync.plan.Exclusion;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.runs.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.seglift.cli.SyncCommands.n;

/** {@code seglift plan SYNC}: the dry run of a sync. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a sync would do: members to add, remove and update, exclusions by reason, with sample "
                + "customer keys, and whether the run would be refused as too large a change (exit 6 of seglift sync). "
                + "Nothing is sent and no state changes.",
        footer = {"", "Example: seglift plan lapsed_to_hubspot", "         seglift plan lapsed_to_hubspot --format json"})
public final class PlanCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "SYNC", description = "Sync name from the project file.")
    String syncName;

    public PlanCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        SyncConfig sync = SyncCommands.sync(project, syncName);
        Plan plan;
        Optional<String> refusal;
        boolean filled;
        try (Warehouse w = session.openWarehouse(project)) {
            plan = SyncCommands.translate(() -> SyncCommands.engine(session).plan(project, sync, w,
                    SyncCommands.capabilities(session, project, sync)));
            filled = new RunHistory(w).hasFinishedRun(sync.name()) && plan.audience() > 0;
            refusal = ChangeGuard.refusal(sync.name(), plan, sync.changeLimits(), filled);
        }
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sync", sync.name());
            out.put("segment", sync.segment());
            out.put("destination", sync.destination());
            out.put("mode", sync.mode().yamlName());
            out.put("plan", plan);
            out.put("sync_would_be_refused", refusal.orElse(null));
            System.out.println(Json.write(out));
            return ExitCode.OK;
        }
        System.out.println("plan " + sync.name() + " (" + sync.mode().yamlName() + "): segment " + sync.segment() + " as of "
                + plan.segmentAsOf() + " -> " + sync.destination());
        System.out.println("  members      " + n(plan.members()));
        System.out.println("  audience     " + n(plan.audience()) + " (in the destination now)");
        System.out.println("  add          " + n(plan.adds()) + samples(plan, "add"));
        System.out.println("  remove       " + n(plan.removes()) + samples(plan, "remove"));
        System.out.println("  update       " + n(plan.updates()) + samples(plan, "update"));
        System.out.println("  unchanged    " + n(plan.unchanged()));
        System.out.println("  held out     " + n(plan.excluded(Exclusion.HELD_OUT)));
        System.out.println("  suppressed   " + n(plan.excluded(Exclusion.SUPPRESSED)));
        System.out.println("  no consent   " + n(plan.excluded(Exclusion.NO_CONSENT)));
        System.out.println("  no identifier " + n(plan.excluded(Exclusion.NO_IDENTIFIER)));
        if (refusal.isPresent()) {
            System.out.println("guard: seglift sync " + sync.name() + " would be refused (exit 6): " + refusal.get());
        } else if (!filled) {
            System.out.println("guard: the audience has not been filled yet; the first fill is not limited");
        } else {
            System.out.println("guard: within max_removal_share " + share(sync.changeLimits().maxRemovalShare())
                    + " and max_addition_share " + share(sync.changeLimits().maxAdditionShare()));
        }
        System.out.println("nothing was sent (run: seglift sync " + sync.name() + ")");
        return ExitCode.OK;
    }

    private static String share(double s) {
        return java.math.BigDecimal.valueOf(s * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private static String samples(Plan plan, String op) {
        var s = plan.samples().get(op);
        return s == null || s.isEmpty() ? "" : "   e.g. customers " + String.join(", ", s);
    }
}
