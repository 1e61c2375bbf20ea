package io.seglift.spi.destination;

import java.util.Objects;

/**
 * The outcome of one row: {@link RowStatus#OK}, {@link RowStatus#REJECTED} (for good, recorded with its reason) or
 * {@link RowStatus#RETRY} (for now: kept out of the committed state and sent again by the next run). Messages must not
 * contain emails, phone numbers or other identifiers' values.
 *
 * @param key           the member's customer key
 * @param status        outcome
 * @param code          short machine code (e.g. {@code INVALID_EMAIL}, {@code 429}); {@code null} when OK
 * @param message       human explanation without personal data; {@code null} when OK
 * @param destinationId what the destination needs to find this member again without the warehouse row: HubSpot's
 *                      record id, Klaviyo's profile id, Meta's normalised SHA-256 hashes (never a raw email or
 *                      phone). The engine keeps it in {@code sync_state} and hands it back in {@link
 *                      Member#destinationId()} on later batches, so a member whose customer row was erased or whose
 *                      email changed can still be removed.
 */
public record RowResult(String key, RowStatus status, String code, String message, String destinationId) {
    public RowResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
    }

    public static RowResult ok(String key, String destinationId) {
        return new RowResult(key, RowStatus.OK, null, null, destinationId);
    }

    public static RowResult rejected(String key, String code, String message) {
        return new RowResult(key, RowStatus.REJECTED, code, message, null);
    }

    public static RowResult retry(String key, String code, String message) {
        return new RowResult(key, RowStatus.RETRY, code, message, null);
    }
}
