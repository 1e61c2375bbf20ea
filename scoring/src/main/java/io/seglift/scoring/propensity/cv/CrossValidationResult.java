package io.seglift.scoring.propensity.cv;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;

/**
 * K-fold cross-validation of one model: the folds and their mean (and sample standard deviation) metrics.
 *
 * @param model    model name
 * @param k        folds
 * @param rows     labelled rows
 * @param positives positives among them
 * @param features features per row
 * @param folds    one per fold, in fold order
 * @param notes    feature notes (columns skipped and why)
 */
public record CrossValidationResult(@JsonProperty("model") String model, @JsonProperty("k") int k,
                                    @JsonProperty("rows") long rows, @JsonProperty("positives") long positives,
                                    @JsonProperty("features") int features,
                                    @JsonProperty("folds") List<FoldResult> folds,
                                    @JsonProperty("notes") List<String> notes) {
    public CrossValidationResult {
        folds = List.copyOf(folds);
        notes = List.copyOf(notes);
    }

    @JsonProperty("mean_auc")
    public double meanAuc() {
        return FoldSummary.mean(values(FoldResult::auc));
    }

    @JsonProperty("std_auc")
    public double stdAuc() {
        return FoldSummary.std(values(FoldResult::auc));
    }

    @JsonProperty("mean_pr_auc")
    public double meanPrAuc() {
        return FoldSummary.mean(values(FoldResult::prAuc));
    }

    @JsonProperty("mean_log_loss")
    public double meanLogLoss() {
        return FoldSummary.mean(values(FoldResult::logLoss));
    }

    @JsonProperty("mean_brier")
    public double meanBrier() {
        return FoldSummary.mean(values(FoldResult::brier));
    }

    private double[] values(java.util.function.ToDoubleFunction<FoldResult> f) {
        return folds.stream().mapToDouble(f).toArray();
    }

    /** Plain-text report: one line per fold, then the mean ± standard deviation. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d-fold cross-validation, %,d rows (%,d positive), %d features%n",
                model, k, rows, positives, features));
        b.append(String.format(Locale.ROOT, "%6s %8s %9s %7s %8s %8s %9s %8s%n", "FOLD", "ROWS", "POSITIVE", "TREES",
                "AUC", "PR-AUC", "LOG LOSS", "BRIER"));
        for (FoldResult f : folds) {
            b.append(String.format(Locale.ROOT, "%6d %,8d %,9d %7d %8.4f %8.4f %9.4f %8.4f%n", f.fold(), f.rows(),
                    f.positives(), f.rounds(), f.auc(), f.prAuc(), f.logLoss(), f.brier()));
        }
        b.append(String.format(Locale.ROOT, "%6s %8s %9s %7s %8.4f %8.4f %9.4f %8.4f%n", "mean", "", "", "", meanAuc(),
                meanPrAuc(), meanLogLoss(), meanBrier()));
        b.append(String.format(Locale.ROOT, "Mean AUC %.4f +/- %.4f (sample standard deviation over %d folds)%n",
                meanAuc(), stdAuc(), folds.size()));
        notes.forEach(n -> b.append("Note: ").append(n).append(System.lineSeparator()));
        return b.toString();
    }
}
