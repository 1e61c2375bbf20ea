package io.seglift.warehouse.bigquery;

import com.google.zetasql.LanguageOptions;
import com.google.zetasql.Parser;
import com.google.zetasql.SqlException;
import com.google.zetasql.ZetaSQLOptions.ProductMode;

import java.util.Optional;

/**
 * Parses SQL with ZetaSQL, the open-source GoogleSQL front end that BigQuery's dialect is defined by, in the external
 * (BigQuery) product mode with every released language feature. A parse proves syntax only: names, function
 * signatures and types are checked by BigQuery when the statement runs.
 */
final class ZetaSqlGate {
    private static final LanguageOptions OPTIONS = options();

    private ZetaSqlGate() {
    }

    private static LanguageOptions options() {
        LanguageOptions o = new LanguageOptions();
        o.enableMaximumLanguageFeatures();
        o.setSupportsAllStatementKinds();
        o.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        return o;
    }

    /** The parser's message when {@code sql} is not one valid GoogleSQL statement; empty when it parses. */
    static Optional<String> statementError(String sql) {
        try {
            Parser.parseStatement(sql, OPTIONS);
            return Optional.empty();
        } catch (SqlException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Like {@link #statementError} for a script of several statements ({@code BEGIN TRANSACTION; ...}). */
    static Optional<String> scriptError(String sql) {
        try {
            Parser.parseScript(sql, OPTIONS);
            return Optional.empty();
        } catch (SqlException e) {
            return Optional.of(e.getMessage());
        }
    }
}
