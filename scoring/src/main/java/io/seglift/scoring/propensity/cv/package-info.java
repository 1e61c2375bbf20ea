/**
 * Cross-validation of label-column models: stratified folds by a stable hash of the customer key, each fold scored
 * by a model trained on the others with the ordinary trainer, and the per-fold and mean metrics.
 */
package io.seglift.scoring.propensity.cv;
