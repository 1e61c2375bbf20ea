package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.clv.ClvReadiness;
import io.seglift.scoring.clv.ClvResult;
import io.seglift.scoring.clv.ClvScorer;
import io.seglift.scoring.clv.FitDiagnostics;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift score clv}: fits BG/NBD and Gamma-Gamma and scores customer lifetime value into clv_scores. */
@Command(name = "clv", mixinStandardHelpOptions = true, description = {
        "Fit BG/NBD (repeat purchasing) and Gamma-Gamma (spend) on the calibration period (scoring.clv), then store",
        "each buyer's P(alive), expected purchases and order value and CLV over scoring.clv.horizon_months as of a",
        "date in clv_scores; re-running a date replaces that date only. Refused when the audit finds too few repeat",
        "buyers or too little history (--force fits anyway). Time is in weeks."},
        footer = "%nExample: seglift score clv --as-of 1998-07-01 --format json")
public final class ScoreClvCommand implements Callable<Integer> {
    private final Session session;
    @Mixin
    GlobalOptions options;
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Score as of this date (purchases before it count; default: the day after the latest purchase).")
    LocalDate asOf;
    @Option(names = "--force", description = "Fit even when the data does not support CLV (see seglift audit).")
    boolean force;

    public ScoreClvCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        try (Warehouse w = session.openWarehouse(project)) {
            LocalDate day = ScoringOutput.asOfOrDefault(asOf, ScoringOutput.rfm(w, project, session));
            ClvReadiness.Verdict verdict = new ClvReadiness(w, project.sources().orders()).assess(day);
            if (!verdict.supported() && !force) {
                throw new CliException(ExitCode.NOT_READY, "the data does not support CLV as of " + day + ": "
                        + String.join("; ", verdict.reasons()) + " (pass --force to fit anyway)");
            }
            ClvResult r;
            session.progress().start("CLV as of " + day, 0);
            try {
                r = new ClvScorer(w, project.sources().orders(), project.scoring().clv(), session.clock()).score(day);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID, e.getMessage(), e);
            }
            session.progress().finish("CLV as of " + day + ": " + r.scored() + " customers in " + r.elapsed().toMillis() + " ms");
            System.out.print(options.json() ? Json.write(json(r)) + "\n" : text(r));
        }
        return ExitCode.OK;
    }

    static Map<String, Object> json(ClvResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", r.asOf());
        out.put("calibration_end", r.calibrationEnd());
        out.put("calibration_customers", r.calibrationCustomers());
        out.put("fit_customers", r.fitCustomers());
        out.put("r", r.bgNbd().r());
        out.put("alpha", r.bgNbd().alpha());
        out.put("a", r.bgNbd().a());
        out.put("b", r.bgNbd().b());
        out.put("log_likelihood", r.bgNbd().logLikelihood());
        out.put("p", r.gammaGamma().p());
        out.put("q", r.gammaGamma().q());
        out.put("gamma", r.gammaGamma().gamma());
        out.put("gamma_gamma_log_likelihood", r.gammaGamma().logLikelihood());
        out.put("repeat_buyers_fit", r.gammaGamma().customers());
        out.put("time_unit", "weeks");
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("holdout_weeks", r.diagnostics().holdoutWeeks());
        diagnostics.put("predicted_holdout_purchases", r.diagnostics().predicted());
        diagnostics.put("actual_holdout_purchases", r.diagnostics().actual());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (FitDiagnostics.Group g : r.diagnostics().groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("calibration_purchases", g.label());
            row.put("customers", g.customers());
            row.put("predicted_mean", g.predictedMean());
            row.put("actual_mean", g.actualMean());
            groups.add(row);
        }
        diagnostics.put("by_calibration_purchases", groups);
        out.put("diagnostics", diagnostics);
        out.put("horizon_months", r.horizonMonths());
        out.put("discount_rate", r.discountRate());
        out.put("scored", r.scored());
        out.put("mean_p_alive", r.meanPAlive());
        out.put("total_clv", r.totalClv());
        out.put("elapsed_ms", r.elapsed().toMillis());
        return out;
    }

    static String text(ClvResult r) {
        StringBuilder s = new StringBuilder();
        s.append("CLV as of ").append(r.asOf()).append(": ").append(r.scored()).append(" customers scored in ")
                .append(r.elapsed().toMillis()).append(" ms\n");
        s.append("Fitted on purchases up to ").append(r.calibrationEnd()).append(" (").append(r.fitCustomers())
                .append(r.fitCustomers() < r.calibrationCustomers() ? " sampled of " + r.calibrationCustomers() : "")
                .append(" customers; time in weeks)\n");
        s.append(String.format(Locale.ROOT, "BG/NBD       r = %.4f, alpha = %.4f, a = %.4f, b = %.4f, log-likelihood = %.2f%n",
                r.bgNbd().r(), r.bgNbd().alpha(), r.bgNbd().a(), r.bgNbd().b(), r.bgNbd().logLikelihood()));
        s.append(String.format(Locale.ROOT, "Gamma-Gamma  p = %.4f, q = %.4f, gamma = %.4f (%d repeat buyers)%n",
                r.gammaGamma().p(), r.gammaGamma().q(), r.gammaGamma().gamma(), r.gammaGamma().customers()));
        if (r.diagnostics().groups().isEmpty()) {
            s.append("No holdout period (set scoring.clv.calibration_end or holdout_weeks for fit diagnostics)\n");
        } else {
            s.append(String.format(Locale.ROOT, "Holdout %.1f weeks: %.1f purchases predicted, %.0f made%n",
                    r.diagnostics().holdoutWeeks(), r.diagnostics().predicted(), r.diagnostics().actual()));
            List<List<String>> rows = new ArrayList<>();
            for (FitDiagnostics.Group g : r.diagnostics().groups()) {
                rows.add(List.of(g.label(), Long.toString(g.customers()), String.format(Locale.ROOT, "%.3f", g.predictedMean()),
                        String.format(Locale.ROOT, "%.3f", g.actualMean())));
            }
            s.append(ScoringOutput.table(List.of("CALIBRATION PURCHASES", "CUSTOMERS", "PREDICTED", "ACTUAL"), rows));
        }
        s.append(String.format(Locale.ROOT, "Over %d months%s: mean P(alive) %.3f, total CLV %.2f%n", r.horizonMonths(),
                r.discountRate() == 0 ? "" : String.format(Locale.ROOT, " (discounted at %.1f%% a year)", r.discountRate() * 100),
                r.meanPAlive(), r.totalClv()));
        return s.toString();
    }
}
