package io.seglift.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What one demo stage did.
 *
 * @param status  done, skipped (nothing to do, with the reason), failed, or not run (an earlier stage failed)
 * @param summary one line for people
 * @param outputs files the stage wrote or used that a user may want to open
 */
public record StageResult(Status status, String summary, List<Path> outputs) {

    public StageResult {
        outputs = List.copyOf(outputs);
    }

    /** How a stage ended. */
    public enum Status { DONE, SKIPPED, FAILED, NOT_RUN }

    public static StageResult done(String summary, Path... outputs) {
        return new StageResult(Status.DONE, summary, List.of(outputs));
    }

    public static StageResult skipped(String reason) {
        return new StageResult(Status.SKIPPED, reason, List.of());
    }

    public static StageResult failed(String why) {
        return new StageResult(Status.FAILED, why, List.of());
    }
}
