package io.seglift.spi.settings;

import java.util.Objects;

/**
 * A secret value (token, key, password) resolved from {@code ${env:NAME}} or {@code ${file:PATH}}. Its
 * {@link #toString()} is masked so it cannot leak through logs, exceptions or config dumps; call {@link #reveal()}
 * only at the point the value is sent to the service that needs it.
 */
public final class Secret {
    private final String source;
    private final String value;

    private Secret(String source, String value) {
        this.source = Objects.requireNonNull(source, "source");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A secret whose value came from {@code source}, e.g. {@code ${env:HUBSPOT_TOKEN}}. */
    public static Secret of(String source, String value) {
        return new Secret(source, value);
    }

    /** The plain value. Use only when handing it to the API client. */
    public String reveal() {
        return value;
    }

    /** Where the value came from, e.g. {@code ${env:HUBSPOT_TOKEN}}; safe to print. */
    public String source() {
        return source;
    }

    /** The masked form used everywhere text is produced. */
    public String masked() {
        return "****(" + source + ")";
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.source.equals(source) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, value);
    }
}
