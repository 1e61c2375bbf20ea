package io.seglift.cli.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a statement is a single read-only query. It must start with one of {@link #ALLOWED} and contain no
 * keyword that writes or changes the session (a writable CTE, {@code SELECT INTO}, {@code EXPLAIN ANALYZE INSERT})
 * outside string literals, quoted identifiers and comments. It only gives an early, friendly message for plain
 * mistakes and does not understand every quoting form ({@code E'...'}, {@code $$...$$}); the guard is the engine:
 * {@code seglift sql} runs the statement through {@code Warehouse.queryReadOnly}.
 */
public final class ReadOnlySql {
    public static final Set<String> ALLOWED = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "EXPLAIN", "SUMMARIZE");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP",
            "ALTER", "TRUNCATE", "COPY", "ATTACH", "DETACH", "GRANT", "REVOKE", "INSTALL", "LOAD", "EXPORT", "IMPORT",
            "PRAGMA", "SET", "CALL", "VACUUM", "CHECKPOINT", "INTO");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private ReadOnlySql() {
    }

    /** The statement without comments and trailing semicolons, or the reason it is refused. */
    public static Verdict check(String sql) {
        if (sql == null || sql.isBlank()) return Verdict.refused("the statement is empty");
        String code = stripLiteralsAndComments(sql);
        String trimmed = code.strip();
        while (trimmed.endsWith(";")) trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        if (trimmed.isEmpty()) return Verdict.refused("the statement is empty");
        if (trimmed.contains(";")) return Verdict.refused("only one statement is allowed");
        Matcher m = WORD.matcher(trimmed);
        if (!m.find() || m.start() != firstNonParen(trimmed)) {
            return Verdict.refused("the statement must start with one of " + allowedList());
        }
        String first = m.group().toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(first)) {
            return Verdict.refused("'" + first + "' statements are not allowed; seglift sql is read-only (allowed: "
                    + allowedList() + ")");
        }
        m.reset();
        while (m.find()) {
            String word = m.group().toUpperCase(Locale.ROOT);
            if (WRITES.contains(word)) {
                return Verdict.refused("the statement contains '" + word + "'; seglift sql is read-only (allowed: "
                        + allowedList() + ")");
            }
        }
        return Verdict.allowed(stripTrailingSemicolons(sql));
    }

    private static String allowedList() {
        return "SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, SUMMARIZE";
    }

    private static int firstNonParen(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '(' || Character.isWhitespace(s.charAt(i)))) i++;
        return i;
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    /** Replaces string literals, quoted identifiers and comments by spaces, keeping the rest. */
    static String stripLiteralsAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.append(' ');
                i = Math.min(n, j + 1);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int j = sql.indexOf('\n', i);
                i = j < 0 ? n : j;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int j = sql.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Allowed (with the statement to run) or refused (with the reason). */
    public record Verdict(Optional<String> statement, Optional<String> reason) {
        static Verdict allowed(String sql) {
            return new Verdict(Optional.of(sql), Optional.empty());
        }

        static Verdict refused(String reason) {
            return new Verdict(Optional.empty(), Optional.of(reason));
        }

        public boolean isAllowed() {
            return statement.isPresent();
        }
    }
}
