package io.seglift.cli;

import io.seglift.config.SegmentStability;
import io.seglift.config.SegliftTables;
import io.seglift.config.ActivationBrief;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.BuildSummary;
import io.seglift.scoring.segments.SegmentBuild;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.scoring.segments.SegmentCatalog;
import io.seglift.scoring.segments.SegmentRuleException;
import io.seglift.scoring.segments.SegmentSample;
import io.seglift.scoring.segments.SegmentSummary;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code seglift segments}: build, list, show and sample segments. */
@Command(name = "segments", mixinStandardHelpOptions = true, description = "Build segments with their holdouts, and inspect them before activating.",
        subcommands = {SegmentsCommand.Build.class, SegmentsCommand.ListSegments.class, SegmentsCommand.Show.class,
                SegmentsCommand.Sample.class},
        footer = "%nExample: seglift segments build && seglift segments list")
public final class SegmentsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static SegmentConfig segment(ProjectConfig project, String name) {
        return project.segment(name).orElseThrow(() -> new CliException(ExitCode.INVALID, "no segment '" + name
                + "' in " + project.file() + " (segments: " + String.join(", ", project.segments().keySet()) + ")"));
    }

    /** {@code seglift segments build}. */
    @Command(name = "build", mixinStandardHelpOptions = true, description = {
            "Materialise segment membership as of a date: check each rule, write segment_members with each member's",
            "stable holdout arm, record first assignments and report entered/exited/stayed against the previous build",
            "(flagged above " + SegmentStability.FLAG_ABOVE_PERCENT + "%). Scores RFM for the date first when it has not been scored."},
            footer = "%nExample: seglift segments build lapsed_reengage --as-of 2011-12-10")
    public static final class Build implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Segments to build (default: all).")
        List<String> names = new ArrayList<>();
        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Build as of this date (default: the latest RFM date, else the day after the latest purchase).")
        LocalDate asOf;

        public Build(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            List<SegmentConfig> chosen = names.isEmpty() ? List.copyOf(project.segments().values())
                    : names.stream().map(n -> segment(project, n)).toList();
            if (chosen.isEmpty()) {
                throw new CliException(ExitCode.INVALID, "no segments in " + project.file() + " (add a segments: block)");
            }
            try (Warehouse w = session.openWarehouse(project)) {
                RfmScorer scorer = ScoringOutput.rfm(w, project, session);
                LocalDate day = asOf != null ? asOf : ScoringOutput.latestRfmAsOf(w)
                        .orElseGet(() -> ScoringOutput.asOfOrDefault(null, scorer));
                if (w.queryLong("SELECT COUNT(*) FROM " + w.dialect().table(w.own(SegliftTables.RFM_SCORES)) + " WHERE as_of = "
                        + w.dialect().dateLiteral(day)) == 0) {
                    ScoringOutput.scoreRfm(scorer, day, session);
                }
                SegmentBuilder builder = new SegmentBuilder(w, project, session.clock());
                List<String> missing = new ArrayList<>();
                for (SegmentConfig s : chosen) {
                    try {
                        missing.addAll(builder.missingScores(s, day));
                    } catch (SegmentRuleException e) {
                        throw new CliException(ExitCode.INVALID, e.getMessage(), e);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new CliException(ExitCode.NOT_READY, "data not ready, no segment was built:\n  "
                            + String.join("\n  ", missing));
                }
                ScoringOutput.noteDuplicateCustomers(w, project);
                List<SegmentBuild> builds = new ArrayList<>();
                for (SegmentConfig s : chosen) {
                    session.progress().start("segment " + s.name() + " as of " + day, 0);
                    builds.add(builder.build(s, day));
                    session.progress().finish("segment " + s.name() + ": " + builds.get(builds.size() - 1).members()
                            + " members");
                }
                CommandAlerts.segmentsBuilt(session, project, w, builds); // alerts: membership_change
                if (options.json()) {
                    System.out.println(Json.write(builds.stream().map(SegmentsCommand::json).toList()));
                } else {
                    List<List<String>> rows = new ArrayList<>();
                    for (SegmentBuild b : builds) {
                        rows.add(List.of(b.segment(), b.asOf().toString(), Long.toString(b.members()),
                                Long.toString(b.holdout()), Long.toString(b.entered()), Long.toString(b.exited()),
                                Long.toString(b.stayed()), b.changeRatio().map(ScoringOutput::percent).orElse("first build"),
                                b.flagged() ? "CHANGED > " + SegmentStability.label() : "", b.elapsed().toMillis() + " ms"));
                    }
                    System.out.print(ScoringOutput.table(List.of("SEGMENT", "AS_OF", "MEMBERS", "HOLDOUT", "ENTERED",
                            "EXITED", "STAYED", "CHANGE", "FLAG", "TIME"), rows));
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code seglift segments list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = {
            "List segments with their latest size, holdout size, owner, channel and the syncs using them; segments with",
            "no campaign (no sync, or an incomplete brief) are flagged."},
            footer = "%nExample: seglift segments list --format json")
    public static final class ListSegments implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;

        public ListSegments(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            try (Warehouse w = session.openWarehouse(project)) {
                List<SegmentSummary> list = new SegmentCatalog(w, project).list();
                if (options.json()) {
                    System.out.println(Json.write(list));
                    return ExitCode.OK;
                }
                List<List<String>> rows = new ArrayList<>();
                for (SegmentSummary s : list) {
                    BuildSummary b = s.latest();
                    rows.add(List.of(s.segment(), b == null ? "never built" : Long.toString(b.members()),
                            b == null ? "-" : Long.toString(b.holdout()), b == null ? "-" : b.asOf().toString(),
                            s.owner() == null ? "-" : s.owner(), s.channels().isEmpty() ? "-" : String.join(",", s.channels()),
                            s.syncs().isEmpty() ? "-" : String.join(",", s.syncs()),
                            s.noCampaign() ? "NO CAMPAIGN" + (s.briefMissing().isEmpty() ? " (no sync)"
                                    : " (missing " + String.join(", ", s.briefMissing()) + ")") : ""));
                }
                System.out.print(ScoringOutput.table(List.of("SEGMENT", "SIZE", "HOLDOUT", "AS_OF", "OWNER", "CHANNEL",
                        "SYNCS", "FLAG"), rows));
            }
            return ExitCode.OK;
        }
    }

    /** {@code seglift segments show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a segment's brief, rule, holdout and latest builds.",
            footer = "%nExample: seglift segments show lapsed_reengage")
    public static final class Show implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(paramLabel = "NAME", description = "Segment name.")
        String name;
        @Option(names = "--builds", paramLabel = "N", defaultValue = "10", description = "Builds shown (default: ${DEFAULT-VALUE}).")
        int limit;

        public Show(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            SegmentConfig s = segment(project, name);
            try (Warehouse w = session.openWarehouse(project)) {
                List<BuildSummary> builds = new SegmentCatalog(w, project).builds(s.name(), limit);
                List<String> syncs = project.syncsOf(s.name()).stream().map(SyncConfig::name).toList();
                if (options.json()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("segment", s.name());
                    out.put("rule", s.rule());
                    out.put("holdout", s.holdoutFraction());
                    out.put("salt", s.salt());
                    out.put("description", s.description().orElse(null));
                    out.put("brief", s.brief().map(SegmentsCommand::brief).orElse(null));
                    out.put("brief_missing", s.briefProblems());
                    out.put("syncs", syncs);
                    out.put("builds", builds);
                    System.out.println(Json.write(out));
                    return ExitCode.OK;
                }
                StringBuilder t = new StringBuilder();
                t.append("Segment ").append(s.name()).append('\n');
                s.description().ifPresent(x -> t.append("  ").append(x).append('\n'));
                t.append("Rule:    ").append(s.rule()).append('\n');
                t.append("Holdout: ").append(ScoringOutput.percent(s.holdoutFraction())).append(" (salt ").append(s.salt())
                        .append(")\n");
                t.append("Syncs:   ").append(syncs.isEmpty() ? "none" : String.join(", ", syncs)).append('\n');
                if (s.brief().isPresent()) {
                    brief(s.brief().get()).forEach((k, v) -> t.append(String.format(java.util.Locale.ROOT, "Brief %-15s %s%n", k + ":", v)));
                }
                if (!s.briefProblems().isEmpty()) {
                    t.append("Brief incomplete, missing: ").append(String.join(", ", s.briefProblems()))
                            .append(" (never synced until complete)\n");
                }
                List<List<String>> rows = new ArrayList<>();
                for (BuildSummary b : builds) {
                    rows.add(List.of(b.asOf().toString(), b.builtAt().toString(), Long.toString(b.members()),
                            Long.toString(b.holdout()), Long.toString(b.entered()), Long.toString(b.exited()),
                            Long.toString(b.stayed()), b.changeRatio() == null ? "first build"
                                    : ScoringOutput.percent(b.changeRatio()), b.flagged() ? "CHANGED > " + SegmentStability.label() : ""));
                }
                t.append("\nLatest builds\n").append(builds.isEmpty() ? "  none (run: seglift segments build " + s.name()
                        + ")\n" : ScoringOutput.table(List.of("AS_OF", "BUILT_AT", "MEMBERS", "HOLDOUT", "ENTERED",
                        "EXITED", "STAYED", "CHANGE", "FLAG"), rows));
                System.out.print(t);
            }
            return ExitCode.OK;
        }
    }

    static Map<String, Object> json(SegmentBuild b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("build_id", b.buildId());
        m.put("segment", b.segment());
        m.put("as_of", b.asOf());
        m.put("members", b.members());
        m.put("holdout", b.holdout());
        m.put("previous_build_id", b.previousBuildId().orElse(null));
        m.put("entered", b.entered());
        m.put("exited", b.exited());
        m.put("stayed", b.stayed());
        m.put("change_ratio", b.changeRatio().orElse(null));
        m.put("flagged", b.flagged());
        m.put("elapsed_ms", b.elapsed().toMillis());
        return m;
    }

    static Map<String, String> brief(ActivationBrief b) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("channel", String.join(", ", b.channel()));
        m.put("hypothesis", b.hypothesis().orElse("-"));
        m.put("success_metric", b.successMetric().map(x -> x.name().orElse("-") + " (" + x.outcome().map(Enum::name)
                .orElse("-") + " within " + x.windowDays().map(String::valueOf).orElse("-") + " days, target "
                + x.target().map(io.seglift.config.SuccessMetric.Target::text).orElse("-") + ")").orElse("-"));
        m.put("owner", b.owner().orElse("-"));
        return m;
    }

    /** {@code seglift segments sample NAME}. */
    @Command(name = "sample", mixinStandardHelpOptions = true, description = {
            "Show a deterministic random sample of a segment's members with the profile fields its rule and brief",
            "mention, to check the segment against its brief. Emails and phone numbers are masked."},
            footer = "%nExample: seglift segments sample lapsed_reengage --n 50")
    public static final class Sample implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(paramLabel = "NAME", description = "Segment name.")
        String name;
        @Option(names = "--n", paramLabel = "N", defaultValue = "50", description = "Members shown (default: ${DEFAULT-VALUE}).")
        int n;
        @Option(names = "--seed", paramLabel = "TEXT", defaultValue = "seglift",
                description = "Sample seed; the same seed shows the same members (default: ${DEFAULT-VALUE}).")
        String seed;
        @Option(names = "--as-of", paramLabel = "DATE", description = "Build date to sample (default: the latest).")
        LocalDate asOf;

        public Sample(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            if (n < 1 || n > 10_000) {
                throw new CliException(ExitCode.INVALID, "--n must be within 1..10000, got " + n);
            }
            ProjectConfig project = session.project(options);
            SegmentConfig s = segment(project, name);
            try (Warehouse w = session.openWarehouse(project)) {
                SegmentSample sample;
                try {
                    sample = new SegmentCatalog(w, project).sample(s, n, seed, Optional.ofNullable(asOf));
                } catch (IllegalStateException e) {
                    throw new CliException(ExitCode.NOT_READY, e.getMessage(), e);
                }
                if (options.json()) {
                    System.out.println(Json.write(sample));
                    return ExitCode.OK;
                }
                List<List<String>> rows = new ArrayList<>();
                for (Map<String, String> r : sample.rows()) {
                    rows.add(sample.columns().stream().map(c -> r.get(c) == null ? "NULL" : r.get(c)).toList());
                }
                System.out.println("Segment " + s.name() + " as of " + sample.asOf() + ": " + sample.rows().size()
                        + " members (seed " + seed + ")" + (sample.masked().isEmpty() ? ""
                        : "; masked: " + String.join(", ", sample.masked())));
                System.out.print(ScoringOutput.table(sample.columns().stream().map(String::toUpperCase).toList(), rows));
            }
            return ExitCode.OK;
        }
    }
}
