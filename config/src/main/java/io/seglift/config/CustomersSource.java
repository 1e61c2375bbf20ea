package io.seglift.config;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.TableName;

import java.util.Map;
import java.util.Optional;

/**
 * {@code sources.customers}: one row per customer.
 *
 * @param table       the table
 * @param key         customer key column (any type; Seglift treats keys as text)
 * @param identifiers identifier columns by type: {@code email}, {@code phone}, and for ad matching {@code first_name},
 *                    {@code last_name}, {@code city}, {@code state}, {@code zip}, {@code country}, {@code gender},
 *                    {@code date_of_birth}, {@code external_id}
 * @param consent     per-channel consent columns
 * @param createdAt   column with the customer's signup time, used for tenure when present
 */
public record CustomersSource(TableName table, String key, Map<IdentifierType, String> identifiers,
                              ConsentColumns consent, Optional<String> createdAt) {
    public CustomersSource {
        identifiers = Map.copyOf(identifiers);
    }

    public Optional<String> email() {
        return Optional.ofNullable(identifiers.get(IdentifierType.EMAIL));
    }

    public Optional<String> phone() {
        return Optional.ofNullable(identifiers.get(IdentifierType.PHONE));
    }
}
