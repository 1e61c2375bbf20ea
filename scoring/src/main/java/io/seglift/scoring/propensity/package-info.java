/**
 * Propensity models: point-in-time training with XGBoost4J ({@code train}), validation metrics ({@code metrics}), the
 * registry ({@code registry}), the tree-to-SQL compiler ({@code sql}) and the two scoring paths ({@code score}).
 */
package io.seglift.scoring.propensity;
