package io.seglift.config;

import java.nio.file.Path;

/**
 * One piece of SQL written by the user in the project file, with where it was written, so that the warehouse's
 * objection to it can be reported at its line and YAML path (exit 2) rather than as a failure of the run.
 *
 * @param kind   what the SQL is and therefore what it is evaluated over
 * @param path   YAML path, e.g. {@code segments.lapsed.rule} or {@code syncs[0].fields.tier}
 * @param sql    the SQL as resolved
 * @param line   1-based line of the value, or 0 when unknown
 * @param column 1-based column of the value, or 0
 */
public record SqlFragment(Kind kind, String path, String sql, int line, int column) {

    /** What a fragment is evaluated over. */
    public enum Kind {
        /** {@code segments.NAME.rule}: a boolean over the member profile (alias {@code p}). */
        SEGMENT_RULE,
        /** {@code syncs[i].fields.PROPERTY}: a value over the member profile (alias {@code p}). */
        SYNC_FIELD,
        /** {@code sources.orders.rules.cancelled_when}: a boolean over the orders table (alias {@code o}). */
        CANCELLED_WHEN,
        /** {@code scoring.models.NAME.sql_features.FEATURE}: a value over the customers table (alias {@code c}). */
        SQL_FEATURE,
        /** {@code scoring.rfm.segments[i].rule}: a boolean over the RFM score columns. */
        RFM_SEGMENT_RULE
    }

    /** A problem of {@code file} placed at this fragment. */
    public Problem problem(Path file, String message) {
        return new Problem(file, line, column, path, message);
    }
}
