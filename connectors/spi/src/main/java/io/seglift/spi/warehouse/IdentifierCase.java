package io.seglift.spi.warehouse;

import java.util.Locale;

/**
 * How an engine folds unquoted identifiers: PostgreSQL and DuckDB to lower case (DuckDB matches case-insensitively and
 * keeps the spelling), Snowflake and Oracle to upper case. Project files write column names in lower case; a dialect
 * uses its policy to find the stored name of a column created without quotes, so that {@code customer_id} written in
 * the project resolves to {@code CUSTOMER_ID} on an upper-folding engine.
 */
public enum IdentifierCase {
    /** Unquoted names are stored in lower case. */
    LOWER,
    /** Unquoted names are stored in upper case. */
    UPPER,
    /** Unquoted names keep their spelling and are matched case-insensitively. */
    PRESERVE;

    /** The name under which the engine stores an identifier that was written without quotes. */
    public String fold(String unquoted) {
        return switch (this) {
            case LOWER -> unquoted.toLowerCase(Locale.ROOT);
            case UPPER -> unquoted.toUpperCase(Locale.ROOT);
            case PRESERVE -> unquoted;
        };
    }
}
