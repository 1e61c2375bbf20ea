package io.seglift.cli;

import io.seglift.config.MissingSourceException;
import picocli.CommandLine;

import java.util.Optional;

/**
 * The message for a command that needs a source the project file does not declare, e.g. "sources.orders is required
 * for seglift audit: add sources.orders (table, customer, at, and amount or quantity with unit_price) to
 * /shop/seglift.yaml".
 */
final class MissingSourceText {
    private MissingSourceText() {
    }

    /** The missing-source exception in {@code ex}'s cause chain, if any. */
    static Optional<MissingSourceException> find(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof MissingSourceException m) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static String of(MissingSourceException e, CommandLine cmd) {
        Object options = cmd.getCommandSpec().mixins().containsKey("options")
                ? cmd.getCommandSpec().mixins().get("options").userObject() : null;
        String file = options instanceof GlobalOptions g ? g.projectFile().toAbsolutePath().toString()
                : "the project file";
        return e.path() + " is required for " + cmd.getCommandSpec().qualifiedName() + ": add " + e.path() + " ("
                + MissingSourceException.what(e.path()) + ") to " + file;
    }
}
