package io.seglift.cli;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.RunSummary;
import io.seglift.sync.runs.RunStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.seglift.cli.SyncCommands.n;

/** {@code seglift sync SYNC|--all}: sends a segment's changes to its destination. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send the changes of a segment to its destination: adds, removes (mirror) and attribute updates "
                + "(upsert), excluding the holdout, suppressed members and members without consent. State is committed "
                + "per batch, so an interrupted run is finished by the next one.",
        footer = {"", "Exit codes:", "  0  success", "  1  failed (destination down, warehouse error); retry later",
                "  2  invalid config, or the segment's brief is incomplete", "  3  finished, but some rows were rejected",
                "  4  busy: this sync is running elsewhere, or another process holds the embedded warehouse; retry later",
                "  5  the segment has not been built",
                "  6  refused: it would remove or add more of the audience than allowed (max_removal_share,",
                "     max_addition_share, default 20%); nothing sent. Check with seglift plan SYNC",
                "", "Example: seglift sync lapsed_to_hubspot", "         seglift sync --all --format json",
                "         seglift sync lapsed_to_hubspot --allow-large-changes"})
public final class SyncCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "SYNC", description = "Sync name from the project file.")
        String name;

        @Option(names = "--all", description = "Run every sync of the project, one after the other.")
        boolean all;
    }

    @Option(names = "--allow-large-changes", description = "Send even when the run removes or adds more of the audience "
            + "than the sync's max_removal_share / max_addition_share allow (default 20%). Check seglift plan SYNC first.")
    boolean allowLargeChanges;

    public SyncCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        List<SyncConfig> syncs = target.all ? project.syncs() : List.of(SyncCommands.sync(project, target.name));
        List<Map<String, Object>> json = new ArrayList<>();
        int exit = ExitCode.OK;
        for (SyncConfig configured : syncs) {
            SyncConfig sync = allowLargeChanges ? configured.withChangeLimits(ChangeLimits.UNLIMITED) : configured;
            int code;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sync", sync.name());
            // the engine takes the sync's lock before its first warehouse call, so a second run stops on the lock
            try (Warehouse w = session.warehouseOnFirstUse(project)) {
                // alerts: sync_failed and rejected_share (never change the exit code)
                RunSummary s = CommandAlerts.watchSync(session, project, sync, w, () -> SyncCommands.translate(
                        () -> SyncCommands.engine(session).run(project, sync, w, session.destinations())));
                code = exitCode(s);
                entry.put("run", s);
                if (!options.json()) print(s);
            } catch (CliException e) {
                if (!target.all) throw e;
                code = e.exitCode();
                entry.put("error", e.getMessage());
                System.err.println("error: " + sync.name() + ": " + e.getMessage());
            }
            entry.put("exit_code", code);
            json.add(entry);
            exit = worse(exit, code);
        }
        if (options.json()) System.out.println(Json.write(target.all ? json : json.get(0)));
        return exit;
    }

    static int exitCode(RunSummary s) {
        return switch (s.status()) {
            case SUCCEEDED -> ExitCode.OK;
            case PARTIAL -> s.rejected() > 0 ? ExitCode.REJECTED_ROWS : ExitCode.OK;
            case REFUSED -> ExitCode.TOO_LARGE_CHANGE;
            default -> ExitCode.FAILED;
        };
    }

    /** Failures outrank the rest; then invalid, refused as too large, locked, not ready, rejected rows. */
    static int worse(int a, int b) {
        List<Integer> order = List.of(ExitCode.FAILED, ExitCode.INVALID, ExitCode.TOO_LARGE_CHANGE, ExitCode.LOCKED, ExitCode.NOT_READY,
                ExitCode.REJECTED_ROWS, ExitCode.OK);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    private static void print(RunSummary s) {
        System.out.println("run " + s.runId() + " " + s.syncName() + ": " + s.status().code() + " in "
                + s.elapsed().toMillis() / 1000.0 + " s");
        if (s.plan() != null) {
            System.out.println("  added " + n(s.added()) + ", removed " + n(s.removed()) + ", updated " + n(s.updated())
                    + ", rejected " + n(s.rejected()) + ", left for retry " + n(s.retried()) + " (of " + n(s.plan().planned())
                    + " planned)");
            System.out.println("  excluded: held out " + n(s.plan().excluded(io.seglift.sync.plan.Exclusion.HELD_OUT))
                    + ", suppressed " + n(s.plan().excluded(io.seglift.sync.plan.Exclusion.SUPPRESSED))
                    + ", no consent " + n(s.plan().excluded(io.seglift.sync.plan.Exclusion.NO_CONSENT))
                    + ", no identifier " + n(s.plan().excluded(io.seglift.sync.plan.Exclusion.NO_IDENTIFIER)));
        }
        System.out.println("  calls " + n(s.calls()) + " (" + n(s.callRetries()) + " retried)");
        if (s.error() != null) {
            System.out.println("  " + switch (s.status()) {
                case FAILED -> "error: ";
                case REFUSED -> "refused: ";
                default -> "note: ";
            } + s.error());
        }
        if (s.rejected() > 0) System.out.println("  details: seglift runs show " + s.runId());
    }
}
