package io.seglift.cli.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How result values are shown: dates and timestamps in ISO form, whole-number decimals without a trailing ".0". */
final class Cells {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private Cells() {
    }

    /** A display string; {@code null} stays null. */
    static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Timestamp t) return iso(t.toLocalDateTime());
        if (v instanceof LocalDateTime t) return iso(t);
        if (v instanceof OffsetDateTime t) return t.toString();
        if (v instanceof Date d) return d.toLocalDate().toString();
        if (v instanceof Double d) return plain(d);
        if (v instanceof Float f) return plain(f.doubleValue());
        if (v instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
        return v.toString();
    }

    /** A value for JSON: numbers and booleans as themselves, everything else as its display string. */
    static Object json(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigDecimal || v instanceof java.math.BigInteger) {
            return v;
        }
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? d.toString() : d;
        if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? f.toString() : f;
        return text(v);
    }

    private static String iso(LocalDateTime t) {
        String s = t.format(SECONDS);
        if (t.getNano() == 0) return s;
        return s + "." + String.format(java.util.Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
    }

    private static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }
}
