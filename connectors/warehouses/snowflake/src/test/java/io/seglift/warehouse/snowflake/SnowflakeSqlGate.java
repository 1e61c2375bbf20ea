package io.seglift.warehouse.snowflake;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The parser gate of the golden-SQL tests: JSqlParser must read the text as exactly one statement. JSqlParser is not
 * Snowflake's own parser, so passing proves the SQL is well formed (balanced, known clause order, valid expressions),
 * not that Snowflake accepts every function; the live suite proves that.
 */
final class SnowflakeSqlGate {
    private SnowflakeSqlGate() {
    }

    /** Throws with the parser's message when {@code sql} is not exactly one readable statement. */
    static void check(String name, String sql) {
        Statements parsed;
        try {
            parsed = CCJSqlParserUtil.parseStatements(sql, parser -> parser.withTimeOut(60_000));
        } catch (JSQLParserException e) {
            throw new AssertionError(name + ": JSqlParser rejects the SQL: " + firstLine(e) + "\n" + head(sql), e);
        }
        if (parsed == null || parsed.size() != 1) {
            throw new AssertionError(name + ": expected one statement, parsed "
                    + (parsed == null ? 0 : parsed.size()) + "\n" + head(sql));
        }
        if (parsed.get(0) instanceof UnsupportedStatement) {
            throw new AssertionError(name + ": JSqlParser only skimmed the SQL as an unsupported statement\n"
                    + head(sql));
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null) m = c.getMessage();
        return m.lines().limit(3).reduce((a, b) -> a + " " + b).orElse(m);
    }

    private static String head(String sql) {
        return sql.length() > 400 ? sql.substring(0, 400) + "..." : sql;
    }
}
