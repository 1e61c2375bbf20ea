package io.seglift.report;

import java.util.Locale;

/** Escaping and number formatting for the report. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        if (value == null) return "";
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * v);
    }

    static String signedPts(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, "%+.1f pts", 100 * v);
    }

    static String signedMoney(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, "%+,.2f", v);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return "–";
        if (p < 0.001) return "&lt; 0.001";
        return "= " + String.format(Locale.ROOT, "%.3f", p);
    }
}
