package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.rfm.RfmResult;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift score}: scores customers in the warehouse. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score customers in the warehouse (RFM, CLV, clusters). Propensity models: seglift models.",
        subcommands = {ScoreCommand.Rfm.class, ScoreClvCommand.class, ClustersCommand.class},
        footer = "%nExample: seglift score rfm --as-of 2011-12-10")
public final class ScoreCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code seglift score rfm}. */
    @Command(name = "rfm", mixinStandardHelpOptions = true, description = {
            "Compute recency, frequency and monetary value per customer as of a date, score them 1..bins (ties share a",
            "score; 5 = most recent) and name each customer's RFM segment. Stored in rfm_scores; re-running a date",
            "replaces that date only."},
            footer = "%nExample: seglift score rfm --as-of 2011-12-10 --format json")
    public static final class Rfm implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Score as of this date (purchases before it count; default: the day after the latest purchase).")
        LocalDate asOf;

        public Rfm(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            try (Warehouse w = session.openWarehouse(project)) {
                RfmScorer scorer = ScoringOutput.rfm(w, project, session);
                RfmResult r = ScoringOutput.scoreRfm(scorer, ScoringOutput.asOfOrDefault(asOf, scorer), session);
                if (options.json()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("as_of", r.asOf());
                    out.put("customers", r.customers());
                    out.put("segments", r.segments());
                    out.put("elapsed_ms", r.elapsed().toMillis());
                    System.out.println(Json.write(out));
                } else {
                    System.out.println("RFM as of " + r.asOf() + ": " + r.customers() + " customers scored in "
                            + r.elapsed().toMillis() + " ms");
                    List<List<String>> rows = new ArrayList<>();
                    r.segments().forEach((name, n) -> rows.add(List.of(name, Long.toString(n),
                            ScoringOutput.percent(r.customers() == 0 ? 0 : n / (double) r.customers()))));
                    System.out.print(ScoringOutput.table(List.of("SEGMENT", "CUSTOMERS", "SHARE"), rows));
                }
            }
            return ExitCode.OK;
        }
    }
}
