package io.seglift.testkit;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds emails and phone numbers in text: anything shaped like an email address, and the exact raw email, phone and
 * name values of the members a test pushed.
 */
public final class PiiScanner {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private final List<String> known = new ArrayList<>();

    public PiiScanner(Collection<Member> members) {
        for (Member m : members) {
            m.identifiers().forEach((type, value) -> {
                if (value != null && type.isPersonal() && value.length() >= 5) {
                    known.add(value.toLowerCase(Locale.ROOT));
                }
                if (type == IdentifierType.PHONE && value != null) {
                    String digits = value.replaceAll("\\D", "");
                    if (digits.length() >= 7) known.add(digits);
                }
            });
        }
    }

    /** The offending fragments of {@code text} (empty when clean), each truncated so a report does not repeat them. */
    public List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) return found;
        var matcher = EMAIL.matcher(text);
        while (matcher.find()) found.add("email-shaped text at offset " + matcher.start());
        String lower = text.toLowerCase(Locale.ROOT);
        for (String value : known) {
            int at = lower.indexOf(value);
            if (at >= 0) found.add("a pushed member's identifier at offset " + at);
        }
        return found;
    }
}
