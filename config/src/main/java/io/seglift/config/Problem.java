package io.seglift.config;

import java.nio.file.Path;

/**
 * One problem in a project file.
 *
 * @param file    the file
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0
 * @param path    YAML path, e.g. {@code segments.lapsed.brief.owner}
 * @param message what was found and what is allowed
 */
public record Problem(Path file, int line, int column, String path, String message) {
    /** {@code seglift.yaml:12:5: segments.lapsed.holdout: ...} */
    @Override
    public String toString() {
        String where = file.getFileName() + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
