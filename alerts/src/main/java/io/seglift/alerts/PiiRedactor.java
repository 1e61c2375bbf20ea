package io.seglift.alerts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes email addresses and phone-like numbers from free text (error messages, verdicts) before it leaves in an
 * alert. A phone-like number is a run of at least {@value #MIN_PHONE_DIGITS} digits, optionally with {@code +}, spaces,
 * dots, dashes or brackets, standing alone (not inside a word such as a run id); ISO dates ({@code 2026-11-01}) are
 * kept.
 */
public final class PiiRedactor {
    static final int MIN_PHONE_DIGITS = 7;
    private static final Pattern EMAIL = Pattern.compile("[^\\s\"'<>(),;:\\[\\]{}]+@[^\\s\"'<>(),;:\\[\\]{}]+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\w)\\+?\\(?\\d[\\d ().-]{5,}\\d(?!\\w)");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX = 1000;

    private PiiRedactor() {
    }

    /** The text without emails and phone numbers, at most {@value #MAX} characters; null stays null. */
    public static String redact(String text) {
        if (text == null) return null;
        String noEmail = EMAIL.matcher(text).replaceAll("<email>");
        Matcher m = PHONE.matcher(noEmail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String candidate = m.group();
            long digits = candidate.chars().filter(Character::isDigit).count();
            boolean phone = digits >= MIN_PHONE_DIGITS && !ISO_DATE.matcher(candidate.trim()).matches();
            m.appendReplacement(out, Matcher.quoteReplacement(phone ? "<phone>" : candidate));
        }
        m.appendTail(out);
        return out.length() > MAX ? out.substring(0, MAX) + "..." : out.toString();
    }
}
