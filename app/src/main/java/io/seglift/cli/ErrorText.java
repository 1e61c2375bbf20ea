package io.seglift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text shown for a failure: its own message, completed by the messages of its causes; an exception without any
 * message is named in words from its class ({@code SocketTimeoutException} becomes "socket timeout"), never "null".
 */
final class ErrorText {
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    /** A message that ends in a cause's missing message: "cannot connect to X: null". */
    private static final Pattern NULL_TAIL = Pattern.compile(":\\s*null(?=\\s*$)", Pattern.MULTILINE);

    private ErrorText() {
    }

    static String of(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null && parts.size() < 4; c = c.getCause() == c ? null : c.getCause()) {
            String text = text(c);
            if (text.isEmpty() || parts.stream().anyMatch(p -> p.contains(text))) continue;
            parts.add(text);
        }
        return parts.isEmpty() ? words(t.getClass().getSimpleName()) : String.join(": ", parts);
    }

    private static String text(Throwable t) {
        String m = t.getMessage();
        if (m != null && t.getCause() != null && m.equals(t.getCause().toString())) m = null;
        if (m != null) m = NULL_TAIL.matcher(m).replaceAll("").strip();
        if (m != null && !m.isEmpty() && !m.equals("null")) return m;
        return t.getCause() == null ? words(t.getClass().getSimpleName()) : "";
    }

    /** {@code ConnectException} becomes "connect"; {@code HttpTimeoutException} "http timeout". */
    static String words(String className) {
        String name = className.replaceAll("(Exception|Error)$", "");
        if (name.isEmpty()) name = className;
        return CAMEL.matcher(name).replaceAll(" ").toLowerCase(Locale.ROOT)
                + (className.endsWith("Exception") || className.endsWith("Error") ? " failure" : "");
    }
}
