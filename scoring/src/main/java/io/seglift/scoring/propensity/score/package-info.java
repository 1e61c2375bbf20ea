/**
 * The two scoring paths, which agree to 1e-5: in the warehouse with the compiled SQL expression
 * ({@link io.seglift.scoring.propensity.score.SqlScorer}), and in the JVM with XGBoost4J
 * ({@link io.seglift.scoring.propensity.score.JvmScorer}). Both write {@code model_scores} with deciles.
 */
package io.seglift.scoring.propensity.score;
