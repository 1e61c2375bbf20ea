package io.seglift.spi.warehouse;

import java.util.regex.Pattern;

/**
 * Validation of identifiers (schemas, tables, columns) taken from the project file. Only plain names are allowed:
 * a letter or underscore, then letters, digits, underscores or {@code $}, at most 128 characters. Anything else, such
 * as {@code x; drop table y}, is rejected before it can become SQL; dialects quote what passes.
 */
public final class Identifiers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

    private Identifiers() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Returns {@code name} unchanged, or throws naming {@code what} (e.g. "sources.customers.key") and the rule. */
    public static String require(String name, String what) {
        if (!isValid(name)) {
            throw new InvalidIdentifierException(what + ": '" + name + "' is not a valid identifier "
                    + "(allowed: a letter or _, then letters, digits, _ or $; at most 128 characters)");
        }
        return name;
    }
}
