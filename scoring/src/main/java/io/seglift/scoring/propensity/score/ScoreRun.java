package io.seglift.scoring.propensity.score;

import java.time.LocalDate;

/** The result of scoring: which model, as of when, how many customers, by which path, in how long. */
public record ScoreRun(String modelId, String modelName, LocalDate asOf, long customers, String path, long millis) {
}
