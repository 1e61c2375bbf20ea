/**
 * Training of propensity models: the labelled frames as of a cutoff in SQL, streaming them into float matrices, and
 * XGBoost4J training with early stopping on a time-based validation split.
 */
package io.seglift.scoring.propensity.train;
