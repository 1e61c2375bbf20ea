package io.seglift.cli.usersql;

import java.util.regex.Pattern;

/**
 * The warehouse's reason for refusing a fragment, fit to show: its first line only (engines follow it with the query
 * text), with anything shaped like an email address or a phone number masked, since a fragment may compare against one.
 */
public final class EngineReason {
    private static final Pattern EMAIL = Pattern.compile("[^\\s'\"`@()]+@[^\\s'\"`@()]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");
    /** Fewer digits than any phone number: dates, counts and positions stay readable. */
    private static final int PHONE_DIGITS = 9;

    private EngineReason() {
    }

    public static String of(String message) {
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
        first = EMAIL.matcher(first).replaceAll("<email>");
        first = PHONE.matcher(first).replaceAll(m -> m.group().chars().filter(Character::isDigit).count() >= PHONE_DIGITS
                ? "<number>" : java.util.regex.Matcher.quoteReplacement(m.group()));
        return first.isEmpty() ? "refused by the warehouse" : first;
    }
}
