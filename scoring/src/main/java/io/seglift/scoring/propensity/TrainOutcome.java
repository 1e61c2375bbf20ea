package io.seglift.scoring.propensity;

import io.seglift.scoring.features.LeakReport;
import io.seglift.scoring.propensity.registry.ModelMetadata;

import java.nio.file.Path;

/** A trained and registered model, where its files are, and the leak check of its features. */
public record TrainOutcome(ModelMetadata metadata, Path directory, LeakReport leakCheck) {
}
