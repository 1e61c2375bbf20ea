package io.seglift.config.read;

import io.seglift.spi.warehouse.Identifiers;

import java.util.Optional;

/** Checks names used as map keys (segments, destinations, models), reporting at the key. */
final class NameCheck {
    private NameCheck() {
    }

    static Optional<String> identifier(YamlValue value, String name, String what) {
        if (Identifiers.isValid(name)) return Optional.of(name);
        value.context().problems().error(value.anchor(), value.path(), what + " '" + name + "' is not a valid "
                + "identifier (allowed: a letter or _, then letters, digits, _ or $; at most 128 characters)");
        return Optional.empty();
    }
}
