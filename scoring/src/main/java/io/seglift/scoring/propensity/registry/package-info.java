/**
 * The model registry: each trained model's XGBoost JSON and metadata under {@code <project>/.seglift/models/<id>/},
 * indexed in the warehouse table {@code models}; and the migrations of {@code models} and {@code model_scores}.
 */
package io.seglift.scoring.propensity.registry;
