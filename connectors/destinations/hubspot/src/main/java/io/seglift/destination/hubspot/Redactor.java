package io.seglift.destination.hubspot;

import java.util.regex.Pattern;

/** Removes email addresses and phone-like numbers from vendor messages before they reach logs or run tables. */
final class Redactor {
    /**
     * An email-like token, with the word before it when only a space separates them: a malformed address such as
     * {@code first last@example.com} must not leave {@code first} behind.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?:[^\\s\"'<>(),;:\\[\\]{}]+ )?[^\\s\"'<>(),;:\\[\\]{}]+@[^\\s\"'<>(),;:\\[\\]{}]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");
    private static final int MAX = 300;

    private Redactor() {
    }

    /** Redacts {@code known} values (the row's own identifiers) wherever they appear, then anything email- or phone-like. */
    static String redact(String text, String... known) {
        if (text == null) return null;
        for (String k : known) {
            if (k != null && !k.isBlank()) {
                text = Pattern.compile(Pattern.quote(k.trim()), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll("<identifier>");
            }
        }
        String r = PHONE.matcher(EMAIL.matcher(text).replaceAll("<email>")).replaceAll("<number>");
        return r.length() > MAX ? r.substring(0, MAX) + "..." : r;
    }
}
