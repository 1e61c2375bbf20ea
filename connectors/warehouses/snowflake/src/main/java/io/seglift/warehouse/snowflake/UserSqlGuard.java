package io.seglift.warehouse.snowflake;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether user SQL ({@code seglift sql}) may be sent to Snowflake: exactly one statement that a real SQL
 * parser reads as a query, calling no {@code SYSTEM$} function (some of those cancel queries or change state). Text
 * the parser cannot read is refused, so the guard fails closed.
 */
final class UserSqlGuard {
    private UserSqlGuard() {
    }

    /** Why {@code sql} is refused, or empty when it may run. */
    static Optional<String> refusal(String sql) {
        if (sql == null || sql.isBlank()) return Optional.of("empty statement");
        if (sql.toUpperCase(Locale.ROOT).contains("SYSTEM$")) {
            return Optional.of("SYSTEM$ functions are not allowed in user SQL");
        }
        Statements parsed;
        try {
            parsed = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return Optional.of("only one SELECT statement is allowed, and this text could not be read as one");
        }
        if (parsed == null || parsed.size() != 1) {
            return Optional.of("only one statement is allowed (found " + (parsed == null ? 0 : parsed.size()) + ")");
        }
        Statement only = parsed.get(0);
        if (!(only instanceof Select)) {
            return Optional.of("only SELECT is allowed (found " + only.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }
}
