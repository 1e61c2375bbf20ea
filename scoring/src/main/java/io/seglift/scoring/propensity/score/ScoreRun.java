package io.seglift.scoring.propensity.score;

import java.time.LocalDate;

/**
 * The result of scoring: which model, as of when, how many customers, by which path, in how long.
 *
 * @param millis        the whole run
 * @param featureMillis of {@code millis}, the feature query alone, or -1 when the path does not run it apart (the SQL
 *                      path evaluates features and trees in one statement)
 */
public record ScoreRun(String modelId, String modelName, LocalDate asOf, long customers, String path, long millis,
                       long featureMillis) {

    /** A run whose feature query is not timed apart. */
    public ScoreRun(String modelId, String modelName, LocalDate asOf, long customers, String path, long millis) {
        this(modelId, modelName, asOf, customers, path, millis, -1);
    }
}
