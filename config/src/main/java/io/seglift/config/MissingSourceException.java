package io.seglift.config;

/**
 * Something needs a source the project file does not declare (today only {@code sources.orders}, which is optional).
 * The CLI turns it into "sources.orders is required for COMMAND: add ... to FILE" and the exit code for invalid input.
 */
public final class MissingSourceException extends RuntimeException {
    private final String path;

    public MissingSourceException(String path) {
        super(path + " is required here but the project file has none: add " + path + " (" + what(path) + ")");
        this.path = path;
    }

    /** The YAML path of the missing block, e.g. {@code sources.orders}. */
    public String path() {
        return path;
    }

    /** What the block must give, for messages. */
    public static String what(String path) {
        return path.equals("sources.orders")
                ? "table, customer, at, and amount or quantity with unit_price"
                : "see docs/project-file.md";
    }
}
