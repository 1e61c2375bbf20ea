package io.seglift.scoring.propensity.registry;

/** A model read back from the registry: its metadata and XGBoost JSON. */
public record StoredModel(ModelMetadata metadata, byte[] modelJson) {
}
