package io.seglift.scoring.propensity.cv;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Metrics of one fold, measured on its held-out rows by a model trained on the other folds.
 *
 * @param fold      1..k
 * @param rows      held-out rows
 * @param positives positives among them
 * @param trainRows rows the fold's model was fitted on (early-stopping rows excluded)
 * @param rounds    trees of the fold's model
 * @param auc       AUC-ROC
 * @param prAuc     average precision
 * @param logLoss   log loss
 * @param brier     Brier score
 */
public record FoldResult(@JsonProperty("fold") int fold, @JsonProperty("rows") long rows,
                         @JsonProperty("positives") long positives, @JsonProperty("train_rows") long trainRows,
                         @JsonProperty("rounds") int rounds, @JsonProperty("auc") double auc,
                         @JsonProperty("pr_auc") double prAuc, @JsonProperty("log_loss") double logLoss,
                         @JsonProperty("brier") double brier) {
}
