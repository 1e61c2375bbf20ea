package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift runs [SYNC]} and {@code seglift runs show RUN}. */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsCommand.Show.class,
        description = "List recent sync runs, newest first: status, counts and exclusions.",
        footer = {"", "Example: seglift runs", "         seglift runs lapsed_to_hubspot --limit 5",
                "         seglift runs show m3x9k2-1a2b3"})
public final class RunsCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "SYNC", arity = "0..1", description = "Only runs of this sync.")
    String syncName;

    @Option(names = "--limit", defaultValue = "20", description = "Runs to show (default: ${DEFAULT-VALUE}).")
    int limit;

    public RunsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        List<RunRecord> runs;
        try (Warehouse w = session.openWarehouse(project)) {
            runs = new RunHistory(w).list(syncName, limit);
        }
        if (options.json()) {
            System.out.println(Json.write(runs));
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            System.out.println("no runs yet" + (syncName == null ? "" : " of " + syncName) + " (run: seglift sync SYNC)");
            return ExitCode.OK;
        }
        System.out.printf(Locale.ROOT, "%-16s %-22s %-10s %-20s %8s %8s %8s %8s %8s %8s %7s%n", "RUN", "SYNC", "STATUS", "STARTED",
                "ADDED", "REMOVED", "UPDATED", "REJECTED", "RETRY", "HELDOUT", "MATCH");
        for (RunRecord r : runs) {
            System.out.printf(Locale.ROOT, "%-16s %-22s %-10s %-20s %8d %8d %8d %8d %8d %8d %7s%n", r.runId(), r.syncName(), r.status(),
                    r.startedAt() == null ? "" : r.startedAt().toString().substring(0, 19), r.added(), r.removed(), r.updated(),
                    r.rejected(), r.retried(), r.heldOut(), percent(r.matchRate()));
        }
        if (runs.stream().anyMatch(r -> r.matchRate() != null)) {
            System.out.println("MATCH: share of uploaded rows the destination did not report as invalid entries "
                    + "((received - invalid) / received); - when it reports no counts. See docs/sync.md.");
        }
        return ExitCode.OK;
    }

    /** A match rate as {@code 87.5%}, or {@code -} when the destination reported no upload counts. */
    static String percent(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** {@code seglift runs show RUN}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One run in detail: counters, exclusions, outcomes by operation/status/code, and up to 20 "
                    + "rejected or retried members with their reasons (never emails or phone numbers).",
            footer = {"", "Example: seglift runs show m3x9k2-1a2b3 --format json"})
    public static final class Show implements Callable<Integer> {
        private final Session session;

        @Mixin
        GlobalOptions options;

        @Parameters(paramLabel = "RUN", description = "Run id from seglift runs.")
        String runId;

        public Show(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            try (Warehouse w = session.openWarehouse(project)) {
                RunHistory h = new RunHistory(w);
                RunRecord r = h.find(runId).orElseThrow(() -> new CliException(ExitCode.INVALID,
                        "no run with id '" + runId + "' (list them with: seglift runs)"));
                List<RunHistory.ResultCount> counts = h.resultCounts(runId);
                List<RunHistory.MemberResult> problems = h.problems(runId, 20);
                if (options.json()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("run", r);
                    out.put("results", counts);
                    out.put("problems", problems);
                    System.out.println(Json.write(out));
                    return ExitCode.OK;
                }
                System.out.println("run " + r.runId() + " of " + r.syncName() + " (" + r.mode() + ", segment " + r.segment()
                        + " as of " + r.segmentAsOf() + " -> " + r.destination() + ", audience " + r.audienceId() + ")");
                System.out.println("  status " + r.status() + ", started " + r.startedAt() + ", finished " + r.finishedAt());
                if (r.error() != null) System.out.println("  error: " + r.error());
                if (r.warnings() != null) r.warnings().lines().forEach(x -> System.out.println("  warning: " + x));
                System.out.println("  planned " + r.planned() + ", sent " + r.sent() + ": added " + r.added() + ", removed "
                        + r.removed() + ", updated " + r.updated() + ", rejected " + r.rejected() + ", left for retry "
                        + r.retried() + "; API calls retried " + r.callRetries());
                if (r.uploadReceived() != null) {
                    System.out.println("  uploads: received " + r.uploadReceived() + ", invalid entries " + r.uploadInvalid()
                            + ", match rate " + percent(r.matchRate()) + " (as " + r.destination() + " counted them)");
                }
                if (r.audienceSizeLower() != null) {
                    System.out.println("  audience size after the run: about " + (r.audienceSizeLower().equals(r.audienceSizeUpper())
                            ? r.audienceSizeLower() : r.audienceSizeLower() + " to " + r.audienceSizeUpper())
                            + " people (the destination's approximate count)");
                }
                System.out.println("  excluded: held out " + r.heldOut() + ", suppressed " + r.suppressed() + ", no consent "
                        + r.noConsent() + ", no identifier " + r.noIdentifier());
                for (RunHistory.ResultCount c : counts) {
                    System.out.println("  " + c.operation() + " " + c.status() + (c.code() == null ? "" : " " + c.code()) + ": " + c.members());
                }
                for (RunHistory.MemberResult p : problems) {
                    System.out.println("  customer " + p.customerKey() + " " + p.operation() + " " + p.status() + " " + p.code()
                            + ": " + p.message());
                }
            }
            return ExitCode.OK;
        }
    }
}
